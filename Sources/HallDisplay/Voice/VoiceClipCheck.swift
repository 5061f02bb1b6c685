import HallCore

/// An uploaded voice clip checked against `VoiceClipRules`: a PCM WAV file, mono, 16-bit, at
/// the pack's rate, short and small enough.
public enum VoiceClipCheck {
    /// The clip's samples, or why the upload is refused.
    public static func checked(_ bytes: [UInt8]) throws(VoicePackError) -> PCMAudio {
        guard bytes.count <= VoiceClipRules.maxBytes else { throw .tooBig(bytes.count) }
        guard let layout = WAVLayout(bytes: bytes), layout.formatTag == 1 else { throw .notWAV }
        try VoiceClipRules.check(
            channels: layout.channels, sampleRate: layout.sampleRate, bitsPerSample: layout.bitsPerSample,
            dataBytes: layout.data.count, fileBytes: bytes.count)
        guard let audio = PCMAudio(wav: bytes) else { throw .notWAV }
        return audio
    }
}
