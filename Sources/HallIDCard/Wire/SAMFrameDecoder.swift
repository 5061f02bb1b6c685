/// What the decoder found at the head of a buffer.
public enum SAMDecoded: Equatable, Sendable {
    /// A whole frame whose checksum is right.
    case frame(SAMFrame)
    /// A whole frame whose checksum is wrong (dropped from the buffer).
    case badChecksum
    /// A length field that cannot be (0, or above `SAMFrame.maxBodyLength`): the preamble was
    /// skipped so the decoder resynchronises on the next one.
    case badLength(Int)
}

/// Splits a byte stream into SAM frames. Bytes before a preamble are line noise and are dropped.
public enum SAMFrameDecoder {
    /// Takes the first frame (or fault) off the front of `buffer`; nil when more bytes are needed.
    public static func next(from buffer: inout [UInt8]) -> SAMDecoded? {
        guard let start = preambleStart(in: buffer) else {
            // Keep a tail that may be the start of a preamble.
            let keep = min(buffer.count, SAMFrame.preamble.count - 1)
            buffer.removeFirst(buffer.count - keep)
            return nil
        }
        buffer.removeFirst(start)
        let header = SAMFrame.preamble.count + 2
        guard buffer.count >= header else { return nil }
        let length = Int(buffer[SAMFrame.preamble.count]) << 8 | Int(buffer[SAMFrame.preamble.count + 1])
        guard length >= 1, length - 1 <= SAMFrame.maxBodyLength else {
            buffer.removeFirst(SAMFrame.preamble.count)
            return .badLength(length)
        }
        guard buffer.count >= header + length else { return nil }
        let lengthBytes = buffer[SAMFrame.preamble.count..<header]
        let body = Array(buffer[header..<(header + length - 1)])
        let sent = buffer[header + length - 1]
        buffer.removeFirst(header + length)
        guard SAMFrame.checksum(lengthBytes) ^ SAMFrame.checksum(body) == sent else { return .badChecksum }
        return .frame(SAMFrame(body: body))
    }

    /// Index of the first whole preamble in `buffer`, or nil.
    private static func preambleStart(in buffer: [UInt8]) -> Int? {
        let p = SAMFrame.preamble
        guard buffer.count >= p.count else { return nil }
        for i in 0...(buffer.count - p.count) where buffer[i] == p[0] {
            if buffer[i..<(i + p.count)].elementsEqual(p) { return i }
        }
        return nil
    }
}
