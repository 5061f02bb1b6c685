/// A USB vendor/product id pair, written `"04b8:0202"` (hex, as `lsusb` prints it) in JSON and in
/// the device files (printer profiles, USB-serial adapters).
public struct USBDeviceID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// idVendor.
    public let vendorID: UInt16
    /// idProduct.
    public let productID: UInt16

    /// Creates an id pair.
    public init(vendorID: UInt16, productID: UInt16) {
        self.vendorID = vendorID
        self.productID = productID
    }

    /// Parses `"vvvv:pppp"`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
            let v = UInt16(parts[0], radix: 16), let p = UInt16(parts[1], radix: 16)
        else { return nil }
        self.init(vendorID: v, productID: p)
    }

    public var description: String { "\(hex4(vendorID)):\(hex4(productID))" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = USBDeviceID(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected \"vvvv:pppp\" in hex, got \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
