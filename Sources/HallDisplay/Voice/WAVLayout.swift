/// Where a RIFF/WAVE file's format fields and sample data are: the chunk walk that turns an
/// uploaded or synthesized file into samples. Never reads past the bytes given.
struct WAVLayout: Sendable, Equatable {
    var formatTag: Int
    var channels: Int
    var sampleRate: Int
    var bitsPerSample: Int
    /// The sample bytes (clipped to the file when the size field says more, or is unset).
    var data: Range<Int>

    init?(bytes: [UInt8]) {
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var i = 12
        var format: (tag: Int, channels: Int, rate: Int, bits: Int)?
        while i + 8 <= bytes.count {
            let size = u32(i + 4)
            let body = i + 8
            if bytes[i..<(i + 4)].elementsEqual("fmt ".utf8), body + 16 <= bytes.count {
                format = (u16(body), u16(body + 2), u32(body + 4), u16(body + 14))
            } else if bytes[i..<(i + 4)].elementsEqual("data".utf8), let f = format {
                let available = bytes.count - body
                let length = (size == 0 || size == 0xFFFF_FFFF || size > available) ? available : size
                self.init(formatTag: f.tag, channels: f.channels, sampleRate: f.rate, bitsPerSample: f.bits, data: body..<(body + length))
                return
            }
            i = body + size + (size & 1)
        }
        return nil
    }

    init(formatTag: Int, channels: Int, sampleRate: Int, bitsPerSample: Int, data: Range<Int>) {
        self.formatTag = formatTag
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
        self.data = data
    }
}
