/// The USB-serial chip families Hall can drive through libusb.
public enum USBSerialChipKind: String, Codable, Sendable, CaseIterable {
    /// USB CDC Abstract Control Model (class requests of the PSTN subclass): STM32 and other
    /// microcontroller "virtual COM ports", CH9102/CH343 in CDC mode.
    case cdcACM = "cdc-acm"
    /// WCH CH340/CH341 (vendor requests, divisor/prescaler registers).
    case ch34x = "ch34x"
    /// FTDI FT232R/FT232BM and compatible single-port chips (SIO vendor requests).
    case ftdi = "ftdi"

    /// The implementation of this family.
    public var chip: any USBSerialChip {
        switch self {
        case .cdcACM: CDCACMChip()
        case .ch34x: CH34xChip()
        case .ftdi: FTDIChip()
        }
    }
}
