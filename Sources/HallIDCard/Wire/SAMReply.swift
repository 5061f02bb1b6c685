/// An answer of the reader: SW1 and SW2 (passed on from the card, usually 00 00), SW3 (the
/// reader's own status) and data.
public struct SAMReply: Equatable, Sendable {
    public var sw1: UInt8
    public var sw2: UInt8
    public var status: SAMStatus
    public var data: [UInt8]

    public init(status: SAMStatus, data: [UInt8] = [], sw1: UInt8 = 0, sw2: UInt8 = 0) {
        self.sw1 = sw1
        self.sw2 = sw2
        self.status = status
        self.data = data
    }

    /// Reads an answer frame; nil when the body is shorter than the three status bytes.
    public init?(frame: SAMFrame) {
        guard frame.body.count >= 3 else { return nil }
        self.init(
            status: SAMStatus(rawValue: frame.body[2]), data: Array(frame.body.dropFirst(3)),
            sw1: frame.body[0], sw2: frame.body[1])
    }

    /// The answer on the wire.
    public var frame: SAMFrame { SAMFrame(body: [sw1, sw2, status.rawValue] + data) }
}
