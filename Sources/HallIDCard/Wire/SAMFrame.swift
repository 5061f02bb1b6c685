/// One frame of the SAM protocol spoken by resident ID card readers (GA 467): the preamble
/// `AA AA AA 96 69`, a two-byte big-endian length (the bytes after it, checksum included), the
/// body, and a checksum that is the XOR of the length bytes and the body.
///
/// A request's body is command, parameter and data (`SAMCommand`); an answer's body is SW1, SW2,
/// SW3 and data (`SAMReply`). The framing is the same both ways.
public struct SAMFrame: Equatable, Sendable {
    /// Three synchronisation bytes, then the start of frame.
    public static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]
    /// The largest body accepted (text, photo and fingerprints are about 2.3 KB).
    public static let maxBodyLength = 4096

    /// What lies between the length and the checksum.
    public var body: [UInt8]

    public init(body: [UInt8]) { self.body = body }

    /// The value of the length field: the body and the checksum.
    public var lengthField: Int { body.count + 1 }

    /// The frame on the wire.
    public var bytes: [UInt8] {
        let length = [UInt8(truncatingIfNeeded: lengthField >> 8), UInt8(truncatingIfNeeded: lengthField)]
        return Self.preamble + length + body + [Self.checksum(length + body)]
    }

    /// XOR of every byte.
    public static func checksum<S: Sequence>(_ bytes: S) -> UInt8 where S.Element == UInt8 {
        bytes.reduce(0, ^)
    }
}
