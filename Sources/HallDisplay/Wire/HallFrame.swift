/// One frame of the Hall generic LED protocol (`hall-frame-v1`, see docs/display-protocol.md):
///
///     STX 0x02 | address | command | length (2 bytes, big endian) | payload | CRC-16/MODBUS (low, high) | ETX 0x03
///
/// The CRC covers address … payload. The frame is length-delimited, so payload bytes may take any
/// value (including 0x02 and 0x03) without stuffing; the ETX and the CRC let a receiver that lost
/// sync find the next real frame.
public struct HallFrame: Sendable, Equatable {
    public static let stx: UInt8 = 0x02
    public static let etx: UInt8 = 0x03
    /// Largest payload a receiver accepts; a longer length field is taken as noise.
    public static let maxPayload = 2048
    /// Bytes around the payload: STX, address, command, 2 length, 2 CRC, ETX.
    public static let overhead = 8

    public var address: UInt8
    public var command: UInt8
    public var payload: [UInt8]

    public init(address: UInt8, command: UInt8, payload: [UInt8] = []) {
        self.address = address
        self.command = command
        self.payload = payload
    }

    /// The frame's bytes on the wire.
    public var bytes: [UInt8] {
        let body: [UInt8] = [address, command, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] + payload
        return [Self.stx] + body + CRC16Modbus.wireBytes(body) + [Self.etx]
    }

    /// What a receiver found at the front of its buffer.
    public enum Parsed: Sendable, Equatable {
        case frame(HallFrame)
        /// A frame whose shape was right but whose CRC did not match.
        case badChecksum(address: UInt8, command: UInt8)
    }

    /// Takes the next frame off the front of `buffer`. Bytes before an STX are dropped; an STX that
    /// does not start a well-shaped frame is dropped too (resync). Returns nil when more bytes are needed.
    public static func parse(from buffer: inout [UInt8]) -> Parsed? {
        while true {
            guard let start = buffer.firstIndex(of: stx) else {
                buffer.removeAll()
                return nil
            }
            if start > 0 { buffer.removeFirst(start) }
            guard buffer.count >= 5 else { return nil }
            let length = Int(buffer[3]) << 8 | Int(buffer[4])
            if length > maxPayload {
                buffer.removeFirst()
                continue
            }
            let total = length + overhead
            guard buffer.count >= total else { return nil }
            guard buffer[total - 1] == etx else {
                buffer.removeFirst()
                continue
            }
            let body = buffer[1..<(5 + length)]
            let crc = UInt16(buffer[5 + length]) | UInt16(buffer[6 + length]) << 8
            let address = buffer[1], command = buffer[2]
            let payload = Array(buffer[5..<(5 + length)])
            let ok = CRC16Modbus.checksum(body) == crc
            buffer.removeFirst(total)
            return ok
                ? .frame(HallFrame(address: address, command: command, payload: payload))
                : .badChecksum(address: address, command: command)
        }
    }
}
