/// The line setup and data framing of one family of USB-serial bridge chips, as its Linux driver
/// does it, for use through libusb when no kernel driver is bound.
///
/// One file per family: `CDCACMChip`, `CH34xChip`, `FTDIChip`. Which one a device needs is data
/// (`devices/usb-serial/*.json`, `USBSerialAdapter.chip`), not code.
public protocol USBSerialChip: Sendable {
    /// Which family this is.
    var kind: USBSerialChipKind { get }
    /// Class of the interface carrying the bulk data endpoints (CDC data: 0x0A), or nil for the
    /// first interface with bulk endpoints (vendor-specific chips have a single interface).
    var dataInterfaceClass: UInt8? { get }
    /// Further interfaces the setup needs claimed (CDC-ACM: the communications interface, 2).
    var additionalInterfaceClasses: [UInt8] { get }
    /// Refuses line settings the chip cannot produce, before anything is sent.
    func validate(_ settings: SerialSettings) throws(TransportError)
    /// Puts the UART in `settings` and raises DTR and RTS (which RS-485 converters may use to
    /// power up or to switch direction).
    func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError)
    /// The received bytes in one bulk IN transfer, without the chip's own framing.
    func payload(ofBulkIn transfer: [UInt8], maxPacketSize: Int) -> [UInt8]
}

extension USBSerialChip {
    public var dataInterfaceClass: UInt8? { nil }
    public var additionalInterfaceClasses: [UInt8] { [] }
    public func payload(ofBulkIn transfer: [UInt8], maxPacketSize: Int) -> [UInt8] { transfer }

    /// Checks what every UART here supports: 5…8 data bits, 1 or 2 stop bits, a baud rate in `range`.
    func validateCommon(_ settings: SerialSettings, baudRange range: ClosedRange<Int>) throws(TransportError) {
        guard (5...8).contains(settings.dataBits) else {
            throw .io("\(kind.rawValue): \(settings.dataBits) data bits are not supported (5…8)")
        }
        guard settings.stopBits == 1 || settings.stopBits == 2 else {
            throw .io("\(kind.rawValue): \(settings.stopBits) stop bits are not supported (1 or 2)")
        }
        guard range.contains(settings.baudRate) else {
            throw .io("\(kind.rawValue): \(settings.baudRate) baud is outside \(range.lowerBound)…\(range.upperBound)")
        }
    }
}
