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

    /// Parses RIFF/WAVE chunks (`WAVLayout`); nil when the bytes are not a PCM WAV file. A data
    /// chunk whose size field is unset (0 or 0xFFFFFFFF, as streaming writers leave it) counts up
    /// to the end.
    public init?(bytes: [UInt8]) {
        guard let layout = WAVLayout(bytes: bytes) else { return nil }
        self.init(
            channels: layout.channels, sampleRate: layout.sampleRate, bitsPerSample: layout.bitsPerSample,
            dataBytes: layout.data.count)
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
