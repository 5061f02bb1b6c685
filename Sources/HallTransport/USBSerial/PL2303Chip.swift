/// Prolific PL2303 USB-serial bridges of the HX family (067b:2303 and its clones), as Linux's
/// `pl2303` driver sets them up: the vendor read/write "magic" sequence at startup (vendor request
/// 0x01, reads with bmRequestType 0xC0, writes with 0x40), both pipes reset (vendor writes 8 and 9),
/// then the CDC-style class requests to interface 0: SET_LINE_REQUEST (0x20, the 7-byte line coding
/// of CDC-ACM), no flow control (vendor write 0 = 0) and SET_CONTROL_REQUEST (0x22, DTR and RTS).
///
/// The HX takes standard rates as they are (the line coding's rate field); other rates need the
/// chip's divisor encoding, which Hall does not send: `validate` refuses them.
public struct PL2303Chip: USBSerialChip {
    static let vendorRequest: UInt8 = 0x01
    static let setLine: UInt8 = 0x20
    static let setControl: UInt8 = 0x22
    /// Control lines: bit 0 DTR, bit 1 RTS.
    static let dtrAndRTS: UInt16 = 0x0003
    /// The startup sequence of the HX as Linux's `pl2303_startup` sends it: (read?, value, index).
    static let startup: [(read: Bool, value: UInt16, index: UInt16)] = [
        (true, 0x8484, 0), (false, 0x0404, 0), (true, 0x8484, 0), (true, 0x8383, 0), (true, 0x8484, 0),
        (false, 0x0404, 1), (true, 0x8484, 0), (true, 0x8383, 0), (false, 0, 1), (false, 1, 0), (false, 2, 0x44),
    ]
    /// The rates the HX produces exactly (Linux's `baud_sup` list).
    public static let standardRates: Set<Int> = [
        75, 150, 300, 600, 1200, 1800, 2400, 3600, 4800, 7200, 9600, 14400, 19200, 28800, 38400, 57600, 115_200,
        230_400, 460_800, 614_400, 921_600, 1_228_800, 2_457_600, 3_000_000, 6_000_000,
    ]

    public init() {}

    public var kind: USBSerialChipKind { .pl2303 }

    public func validate(_ settings: SerialSettings) throws(TransportError) {
        try validateCommon(settings, baudRange: 75...6_000_000)
        guard Self.standardRates.contains(settings.baudRate) else {
            throw .io("pl2303: \(settings.baudRate) baud is not one of the chip's standard rates (e.g. 9600, 115200)")
        }
    }

    public func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError) {
        try validate(settings)
        for step in Self.startup {
            if step.read {
                _ = try channel.receive(
                    requestType: USBControlChannel.vendorIn, request: Self.vendorRequest, value: step.value, index: step.index, length: 1)
            } else {
                try channel.vendor(Self.vendorRequest, value: step.value, index: step.index)
            }
        }
        try channel.vendor(Self.vendorRequest, value: 8, index: 0)
        try channel.vendor(Self.vendorRequest, value: 9, index: 0)
        try channel.send(
            requestType: USBControlChannel.classInterfaceOut, request: Self.setLine, value: 0, index: 0,
            data: CDCACMChip.lineCoding(settings))
        try channel.vendor(Self.vendorRequest, value: 0, index: 0)
        try channel.send(requestType: USBControlChannel.classInterfaceOut, request: Self.setControl, value: Self.dtrAndRTS, index: 0)
    }
}
