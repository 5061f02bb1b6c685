/// What `USBConnection` and `USBHotplugMonitor` look for on the USB bus.
///
/// A device matches when its vendor/product ids equal the given ones (when given) or,
/// failing that, when one of its interfaces has `interfaceClass` (7 = printer).
public struct USBDeviceMatch: Sendable, Hashable, CustomStringConvertible {
    /// USB interface class of printers (USB Printer Class 1.1).
    public static let printerClass: UInt8 = 7

    /// Vendor id from a device profile (e.g. 0x0416), or nil to match by class only.
    public var vendorID: UInt16?
    /// Product id from a device profile (e.g. 0x5011), or nil to accept any product of the vendor.
    public var productID: UInt16?
    /// Interface class used when the ids do not match (7 = printer), or nil to require the ids.
    public var interfaceClass: UInt8?

    /// Creates a match. The default matches any printer-class device.
    public init(
        vendorID: UInt16? = nil, productID: UInt16? = nil,
        interfaceClass: UInt8? = USBDeviceMatch.printerClass
    ) {
        self.vendorID = vendorID
        self.productID = productID
        self.interfaceClass = interfaceClass
    }

    /// Any device with a printer-class interface.
    public static let anyPrinter = USBDeviceMatch()

    /// True when the ids identify the device (a vendor id is required for that).
    func matchesIDs(vendor: UInt16, product: UInt16) -> Bool {
        guard let vendorID else { return false }
        guard vendor == vendorID else { return false }
        return productID == nil || productID == product
    }

    /// e.g. `usb:0416:5011`, `usb:0416:*`, `usb:class7`, `usb:0416:5011|class7`.
    public var description: String {
        var parts: [String] = []
        if let vendorID {
            let product = productID.map { hex4($0) } ?? "*"
            parts.append("\(hex4(vendorID)):\(product)")
        }
        if let interfaceClass { parts.append("class\(interfaceClass)") }
        return "usb:" + (parts.isEmpty ? "any" : parts.joined(separator: "|"))
    }
}

/// Four lowercase hex digits, as lsusb prints ids.
func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
