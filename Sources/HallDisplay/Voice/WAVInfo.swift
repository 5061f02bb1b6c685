import Foundation

/// The facts of a PCM WAV file's header: enough to check a synthesized file and know its length.
public struct WAVInfo: Sendable, Equatable {
    public var channels: Int
    public var sampleRate: Int
    public var bitsPerSample: Int
    /// Bytes of sample data.
    public var dataBytes: Int

    /// Duration in seconds.
    public var duration: Double {
        let frameBytes = channels * max(bitsPerSample / 8, 1)
        return sampleRate > 0 && frameBytes > 0 ? Double(dataBytes / frameBytes) / Double(sampleRate) : 0
    }

    /// Parses RIFF/WAVE chunks; nil when the bytes are not a PCM WAV file. A data chunk whose
    /// size field is unset (0 or 0xFFFFFFFF, as streaming writers leave it) counts up to the end.
    public init?(bytes: [UInt8]) {
        func u32(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8),
            Array(bytes[8..<12]) == Array("WAVE".utf8)
        else { return nil }
        var i = 12
        var format: (Int, Int, Int)?
        while i + 8 <= bytes.count {
            let id = String(decoding: bytes[i..<(i + 4)], as: UTF8.self)
            let size = u32(i + 4)
            let body = i + 8
            if id == "fmt ", body + 16 <= bytes.count {
                format = (u16(body + 2), u32(body + 4), u16(body + 14))
            } else if id == "data", let f = format {
                let available = bytes.count - body
                let length = (size == 0 || size == 0xFFFF_FFFF || size > available) ? available : size
                self.init(channels: f.0, sampleRate: f.1, bitsPerSample: f.2, dataBytes: length)
                return
            }
            i = body + size + (size & 1)
        }
        return nil
    }

    public init(channels: Int, sampleRate: Int, bitsPerSample: Int, dataBytes: Int) {
        self.channels = channels
        self.sampleRate = sampleRate
        self.bitsPerSample = bitsPerSample
        self.dataBytes = dataBytes
    }

    /// Reads the header of the file at `url`.
    public init?(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url) else { return nil }
        self.init(bytes: [UInt8](data))
    }
}
