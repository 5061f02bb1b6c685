/// USB CDC-ACM devices: line settings through the class requests of the CDC PSTN subclass
/// (SET_LINE_CODING 0x20 with a 7-byte line coding, SET_CONTROL_LINE_STATE 0x22), sent to the
/// communications interface; data on the bulk endpoints of the data interface.
public struct CDCACMChip: USBSerialChip {
    /// Interface class of the communications interface that takes the requests.
    public static let communicationsClass: UInt8 = 0x02
    /// Interface class of the data interface.
    public static let dataClass: UInt8 = 0x0A
    static let setLineCoding: UInt8 = 0x20
    static let setControlLineState: UInt8 = 0x22
    /// Control line state: bit 0 DTR, bit 1 RTS (carrier activation).
    static let dtrAndRTS: UInt16 = 0x0003

    public init() {}

    public var kind: USBSerialChipKind { .cdcACM }
    public var dataInterfaceClass: UInt8? { Self.dataClass }
    public var additionalInterfaceClasses: [UInt8] { [Self.communicationsClass] }

    public func validate(_ settings: SerialSettings) throws(TransportError) {
        try validateCommon(settings, baudRange: 1...Int(Int32.max))
    }

    public func configure(_ channel: USBControlChannel, settings: SerialSettings) throws(TransportError) {
        try validate(settings)
        guard let interface = channel.claimedInterfaces[Self.communicationsClass] else {
            throw .notFound("\(channel.device) has no CDC communications interface")
        }
        let index = UInt16(interface)
        try channel.send(
            requestType: USBControlChannel.classInterfaceOut, request: Self.setLineCoding,
            value: 0, index: index, data: Self.lineCoding(settings))
        try channel.send(
            requestType: USBControlChannel.classInterfaceOut, request: Self.setControlLineState,
            value: Self.dtrAndRTS, index: index)
    }

    /// The line coding structure: dwDTERate (little endian), bCharFormat (0 = 1 stop bit,
    /// 2 = 2 stop bits), bParityType (0 none, 1 odd, 2 even), bDataBits.
    public static func lineCoding(_ settings: SerialSettings) -> [UInt8] {
        let rate = UInt32(clamping: settings.baudRate)
        let parity: UInt8 =
            switch settings.parity {
            case .none: 0
            case .odd: 1
            case .even: 2
            }
        return [
            UInt8(rate & 0xFF), UInt8((rate >> 8) & 0xFF), UInt8((rate >> 16) & 0xFF), UInt8(rate >> 24),
            settings.stopBits == 2 ? 2 : 0, parity, UInt8(settings.dataBits),
        ]
    }
}
