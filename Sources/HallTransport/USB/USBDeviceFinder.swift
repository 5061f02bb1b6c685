import CLibUSB

/// A device chosen for opening: a referenced `libusb_device *` plus what was found on it.
struct USBFoundDevice {
    /// Referenced with `libusb_ref_device`; the caller unrefs it.
    let device: OpaquePointer
    let info: USBDeviceInfo
    let endpoints: USBEndpoints
}

/// Picks the device to open from the bus.
enum USBDeviceFinder {
    /// The first device whose ids match; failing that, the first with an interface of the
    /// match's class. Throws `notFound` when neither exists.
    static func find(_ match: USBDeviceMatch, in context: USBContext) throws(TransportError) -> USBFoundDevice {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context.raw, &list)
        guard count >= 0, let list else {
            throw USBError.transportError(Int32(count), during: "libusb_get_device_list", opening: true)
        }
        defer { libusb_free_device_list(list, 1) }
        let devices = (0..<Int(count)).compactMap { list[$0] }

        for device in devices {
            guard let info = USBDeviceScan.info(of: device),
                match.matchesIDs(vendor: info.vendorID, product: info.productID),
                let eps = USBDeviceScan.endpoints(of: device, for: match, idsMatched: true)
            else { continue }
            return USBFoundDevice(device: libusb_ref_device(device), info: info, endpoints: eps)
        }
        if match.interfaceClass != nil {
            for device in devices {
                guard let info = USBDeviceScan.info(of: device),
                    let eps = USBDeviceScan.endpoints(of: device, for: match, idsMatched: false)
                else { continue }
                return USBFoundDevice(device: libusb_ref_device(device), info: info, endpoints: eps)
            }
        }
        throw .notFound("no USB device matches \(match) (\(devices.count) on the bus)")
    }

    /// Every device on the bus that satisfies `match` (used by polling and listings).
    static func list(_ match: USBDeviceMatch?, in context: USBContext) throws(TransportError) -> [USBDeviceInfo] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(context.raw, &list)
        guard count >= 0, let list else {
            throw USBError.transportError(Int32(count), during: "libusb_get_device_list", opening: true)
        }
        defer { libusb_free_device_list(list, 1) }
        return (0..<Int(count)).compactMap { list[$0] }.compactMap(USBDeviceScan.info(of:))
            .filter { match == nil || $0.satisfies(match!) }
    }
}
