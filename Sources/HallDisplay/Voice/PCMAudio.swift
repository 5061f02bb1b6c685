import Foundation

/// Mono 16-bit PCM samples at one rate: a voice clip or a spoken phrase, to be joined into a call.
public struct PCMAudio: Sendable, Equatable {
    public var sampleRate: Int
    public var samples: [Int16]

    public init(sampleRate: Int, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.samples = samples
    }

    /// The samples of a PCM WAV file (format 1), mono 16-bit; nil for anything else.
    public init?(wav bytes: [UInt8]) {
        guard let layout = WAVLayout(bytes: bytes), layout.formatTag == 1, layout.channels == 1, layout.bitsPerSample == 16
        else { return nil }
        var samples: [Int16] = []
        samples.reserveCapacity(layout.data.count / 2)
        var i = layout.data.lowerBound
        while i + 1 < layout.data.upperBound {
            samples.append(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8))
            i += 2
        }
        self.init(sampleRate: layout.sampleRate, samples: samples)
    }

    /// `seconds` of silence.
    public static func silence(seconds: Double, sampleRate: Int) -> PCMAudio {
        PCMAudio(sampleRate: sampleRate, samples: Array(repeating: 0, count: max(0, Int((seconds * Double(sampleRate)).rounded()))))
    }

    /// Duration in seconds.
    public var duration: Double { sampleRate > 0 ? Double(samples.count) / Double(sampleRate) : 0 }

    /// The same sound at `rate`, by linear interpolation (enough for speech between common rates).
    public func resampled(to rate: Int) -> PCMAudio {
        guard rate != sampleRate, rate > 0, sampleRate > 0, let last = samples.last else {
            return PCMAudio(sampleRate: rate > 0 ? rate : sampleRate, samples: samples)
        }
        let count = Int((Double(samples.count) * Double(rate) / Double(sampleRate)).rounded())
        let step = Double(sampleRate) / Double(rate)
        var out: [Int16] = []
        out.reserveCapacity(count)
        for n in 0..<count {
            let position = Double(n) * step
            let i = Int(position)
            let a = i < samples.count ? Double(samples[i]) : Double(last)
            let b = i + 1 < samples.count ? Double(samples[i + 1]) : Double(last)
            let value = a + (b - a) * (position - Double(i))
            out.append(Int16(max(-32768, min(32767, value.rounded()))))
        }
        return PCMAudio(sampleRate: rate, samples: out)
    }

    /// A canonical 44-byte-header PCM WAV file of the samples.
    public func wavBytes() -> [UInt8] {
        func u32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func u16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let dataBytes = samples.count * 2
        var out: [UInt8] = []
        out.reserveCapacity(44 + dataBytes)
        out += Array("RIFF".utf8) + u32(36 + dataBytes) + Array("WAVE".utf8)
        out += Array("fmt ".utf8) + u32(16) + u16(1) + u16(1) + u32(sampleRate) + u32(sampleRate * 2) + u16(2) + u16(16)
        out += Array("data".utf8) + u32(dataBytes)
        for s in samples {
            let u = UInt16(bitPattern: s)
            out.append(UInt8(truncatingIfNeeded: u))
            out.append(UInt8(truncatingIfNeeded: u >> 8))
        }
        return out
    }

    /// `parts` one after another with `gap` seconds of silence between each two.
    public static func joined(_ parts: [PCMAudio], gap: Double, sampleRate: Int) -> PCMAudio {
        let silence = Self.silence(seconds: gap, sampleRate: sampleRate).samples
        var samples: [Int16] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { samples += silence }
            samples += part.resampled(to: sampleRate).samples
        }
        return PCMAudio(sampleRate: sampleRate, samples: samples)
    }
}
