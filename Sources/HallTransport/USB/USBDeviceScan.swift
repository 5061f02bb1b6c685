import CLibUSB

/// The interface and bulk endpoints chosen on a device.
struct USBEndpoints: Sendable, Equatable {
    var interfaceNumber: Int32
    var bulkOut: UInt8
    var bulkIn: UInt8?
    /// `wMaxPacketSize` of the bulk IN endpoint (64 when there is none).
    var bulkInMaxPacket: Int = 64
}

/// Reads identities and descriptors of devices on the bus.
enum USBDeviceScan {
    /// Identity of `device` (a `libusb_device *`), or nil when its descriptor cannot be read.
    static func info(of device: OpaquePointer) -> USBDeviceInfo? {
        var desc = libusb_device_descriptor()
        guard libusb_get_device_descriptor(device, &desc) == 0 else { return nil }
        var classes: [UInt8] = []
        withConfig(of: device) { config in
            forEachInterface(config) { alt in classes.append(alt.bInterfaceClass) }
        }
        return USBDeviceInfo(
            vendorID: desc.idVendor, productID: desc.idProduct,
            busNumber: libusb_get_bus_number(device),
            address: libusb_get_device_address(device),
            interfaceClasses: classes)
    }

    /// The interface to claim on a device that satisfies `match`, and its bulk endpoints:
    /// an interface of `match.interfaceClass` with a bulk OUT endpoint, or else (when the
    /// ids matched) the first interface that has a bulk OUT endpoint.
    static func endpoints(
        of device: OpaquePointer, for match: USBDeviceMatch,
        idsMatched: Bool
    ) -> USBEndpoints? {
        var byClass: USBEndpoints?
        var anyBulk: USBEndpoints?
        withConfig(of: device) { config in
            forEachInterface(config) { alt in
                guard let found = bulkEndpoints(alt) else { return }
                if let wanted = match.interfaceClass, alt.bInterfaceClass == wanted, byClass == nil {
                    byClass = found
                }
                if anyBulk == nil { anyBulk = found }
            }
        }
        return byClass ?? (idsMatched ? anyBulk : nil)
    }

    /// Number of the first interface of `interfaceClass` (altsetting 0), if any.
    static func interfaceNumber(of device: OpaquePointer, class interfaceClass: UInt8) -> Int32? {
        var number: Int32?
        withConfig(of: device) { config in
            forEachInterface(config) { alt in
                if number == nil, alt.bInterfaceClass == interfaceClass { number = Int32(alt.bInterfaceNumber) }
            }
        }
        return number
    }

    /// Calls `body` with the active configuration, or the first one when none is active.
    private static func withConfig(
        of device: OpaquePointer,
        _ body: (libusb_config_descriptor) -> Void
    ) {
        var config: UnsafeMutablePointer<libusb_config_descriptor>?
        if libusb_get_active_config_descriptor(device, &config) != 0 || config == nil {
            guard libusb_get_config_descriptor(device, 0, &config) == 0 else { return }
        }
        guard let config else { return }
        defer { libusb_free_config_descriptor(config) }
        body(config.pointee)
    }

    /// Calls `body` with altsetting 0 of every interface.
    private static func forEachInterface(
        _ config: libusb_config_descriptor,
        _ body: (libusb_interface_descriptor) -> Void
    ) {
        guard let interfaces = config.interface else { return }
        for i in 0..<Int(config.bNumInterfaces) {
            let interface = interfaces[i]
            guard interface.num_altsetting > 0, let alts = interface.altsetting else { continue }
            body(alts[0])
        }
    }

    /// The first bulk OUT and bulk IN endpoints of an interface; nil without bulk OUT.
    private static func bulkEndpoints(_ alt: libusb_interface_descriptor) -> USBEndpoints? {
        guard let endpoints = alt.endpoint else { return nil }
        var out: UInt8?
        var input: UInt8?
        var inputMaxPacket = 64
        for i in 0..<Int(alt.bNumEndpoints) {
            let ep = endpoints[i]
            guard ep.bmAttributes & 0x03 == UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue) else { continue }
            if ep.bEndpointAddress & 0x80 != 0 {
                if input == nil {
                    input = ep.bEndpointAddress
                    inputMaxPacket = Int(ep.wMaxPacketSize & 0x07FF)
                }
            } else if out == nil {
                out = ep.bEndpointAddress
            }
        }
        guard let out else { return nil }
        return USBEndpoints(
            interfaceNumber: Int32(alt.bInterfaceNumber), bulkOut: out, bulkIn: input,
            bulkInMaxPacket: max(inputMaxPacket, 8))
    }
}
