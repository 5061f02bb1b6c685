/// The USB-serial chip families Hall can drive through libusb.
public enum USBSerialChipKind: String, Codable, Sendable, CaseIterable {
    /// USB CDC Abstract Control Model (class requests of the PSTN subclass): STM32 and other
    /// microcontroller "virtual COM ports", CH9102/CH343 in CDC mode.
    case cdcACM = "cdc-acm"
    /// WCH CH340/CH341 (vendor requests, divisor/prescaler registers).
    case ch34x = "ch34x"
    /// FTDI FT232R/FT232BM and compatible single-port chips (SIO vendor requests).
    case ftdi = "ftdi"
    /// Prolific PL2303 HX (vendor "magic" startup, CDC-style line requests).
    case pl2303 = "pl2303"
    /// Silicon Labs CP210x (vendor requests to the interface).
    case cp210x = "cp210x"

    /// The implementation of this family.
    public var chip: any USBSerialChip {
        switch self {
        case .cdcACM: CDCACMChip()
        case .ch34x: CH34xChip()
        case .ftdi: FTDIChip()
        case .pl2303: PL2303Chip()
        case .cp210x: CP210xChip()
        }
    }
}
