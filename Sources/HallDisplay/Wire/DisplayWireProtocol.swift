/// One wire protocol spoken between the host and window screens, both sides:
/// the host encodes requests and decodes replies; a screen (or the emulator) decodes requests
/// and encodes replies. Decoders consume bytes from the front of a buffer and leave an incomplete
/// tail in place, so they work on a byte stream that arrives in pieces.
public protocol DisplayWireProtocol: Sendable {
    /// The identifier profiles use, e.g. `hall-frame-v1`.
    var id: String { get }
    /// The address that reaches every screen on the bus without replies, if the protocol has one.
    var broadcastAddress: UInt8? { get }

    /// The bytes of `command` for the screen at `address`.
    func encodeRequest(_ command: ScreenCommand, address: UInt8) throws(DisplayError) -> [UInt8]
    /// The protocol's command code of `command`, as echoed in replies.
    func code(of command: ScreenCommand) -> UInt8

    /// Screen side: the next request in `buffer`, or nil when more bytes are needed.
    func decodeRequest(from buffer: inout [UInt8]) -> DecodedRequest?
    /// Screen side: the bytes of `reply` to `request` (empty when the protocol stays silent,
    /// e.g. Modbus-style servers ignore a frame with a bad CRC).
    func encodeReply(_ reply: ScreenReply, to request: DecodedRequest) -> [UInt8]
    /// Host side: the next reply in `buffer`, or nil when more bytes are needed.
    func decodeReply(from buffer: inout [UInt8]) -> ScreenReply?
}

/// Makes the wire protocol a profile names.
public enum DisplayWireProtocols {
    /// The protocol for `id` with the profile's text encoding and line length.
    public static func make(
        id: String, encoding: DisplayTextEncoding, maxTextBytes: Int
    )
        throws(DisplayError) -> any DisplayWireProtocol
    {
        switch id {
        case HallFrameProtocol.identifier: HallFrameProtocol(encoding: encoding, maxTextBytes: maxTextBytes)
        case ModbusStyleProtocol.identifier: ModbusStyleProtocol(encoding: encoding, maxTextBytes: maxTextBytes)
        case AsciiLineProtocol.identifier: AsciiLineProtocol(encoding: encoding, maxTextBytes: maxTextBytes)
        default: throw .unknownProtocol(id)
        }
    }

    /// All protocol identifiers this build knows.
    public static let known = [
        HallFrameProtocol.identifier, ModbusStyleProtocol.identifier,
        AsciiLineProtocol.identifier,
    ]
}
