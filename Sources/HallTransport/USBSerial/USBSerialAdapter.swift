import Foundation

/// A USB-serial adapter model, as data (`devices/usb-serial/*.json`): the ids it enumerates
/// with and the chip family whose line setup it needs. A new adapter is a new file, not code.
public struct USBSerialAdapter: Codable, Sendable, Equatable, Identifiable {
    /// Stable identifier, e.g. `ch340`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// `vvvv:pppp` vendor/product id pairs (lowercase or uppercase hex).
    public var usb: [String]
    /// The chip family.
    public var chip: USBSerialChipKind
    /// Where the ids come from and what was checked.
    public var notes: String?

    public init(id: String, name: String, usb: [String], chip: USBSerialChipKind, notes: String? = nil) {
        self.id = id
        self.name = name
        self.usb = usb
        self.chip = chip
        self.notes = notes
    }

    /// The id pairs, parsed; nil when one is malformed.
    public var ids: [(vendor: UInt16, product: UInt16)]? {
        var result: [(vendor: UInt16, product: UInt16)] = []
        for text in usb {
            guard let pair = Self.parseID(text) else { return nil }
            result.append(pair)
        }
        return result
    }

    /// Whether a device with these ids is this adapter.
    public func matches(vendor: UInt16, product: UInt16) -> Bool {
        ids?.contains { $0.vendor == vendor && $0.product == product } == true
    }

    /// What `USBConnection` should open for the device with `vendor:product`: those ids, and for
    /// CDC-ACM the data interface.
    public func match(vendor: UInt16, product: UInt16) -> USBDeviceMatch {
        USBDeviceMatch(vendorID: vendor, productID: product, interfaceClass: chip.chip.dataInterfaceClass)
    }

    /// Parses `vvvv:pppp`.
    public static func parseID(_ text: String) -> (vendor: UInt16, product: UInt16)? {
        USBDeviceID(text).map { ($0.vendorID, $0.productID) }
    }
}
