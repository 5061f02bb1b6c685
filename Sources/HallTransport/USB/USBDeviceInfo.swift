/// Identity of a device on the USB bus, as seen during enumeration or hotplug.
public struct USBDeviceInfo: Sendable, Hashable, CustomStringConvertible {
    /// Vendor id from the device descriptor.
    public var vendorID: UInt16
    /// Product id from the device descriptor.
    public var productID: UInt16
    /// Bus number (the `001` in `/dev/bus/usb/001/002`).
    public var busNumber: UInt8
    /// Device address on the bus (the `002` in `/dev/bus/usb/001/002`).
    public var address: UInt8
    /// The classes of the interfaces of the active (or first) configuration.
    public var interfaceClasses: [UInt8]

    /// Creates a device identity.
    public init(
        vendorID: UInt16, productID: UInt16, busNumber: UInt8, address: UInt8,
        interfaceClasses: [UInt8]
    ) {
        self.vendorID = vendorID
        self.productID = productID
        self.busNumber = busNumber
        self.address = address
        self.interfaceClasses = interfaceClasses
    }

    /// True when the device is what `match` asks for: its ids, or else its interface class.
    public func satisfies(_ match: USBDeviceMatch) -> Bool {
        if match.matchesIDs(vendor: vendorID, product: productID) { return true }
        guard let wanted = match.interfaceClass else { return false }
        return interfaceClasses.contains(wanted)
    }

    /// e.g. `0416:5011 at 001/002`.
    public var description: String {
        "\(hex4(vendorID)):\(hex4(productID)) at \(pad3(busNumber))/\(pad3(address))"
    }
}

private func pad3(_ value: UInt8) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}
