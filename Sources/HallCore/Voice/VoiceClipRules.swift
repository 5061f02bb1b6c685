/// What a voice pack's clip must be: PCM WAV, mono, 16-bit, at the pack's one sample rate
/// (22 050 Hz: espeak-ng's own rate, so the Mandarin part joins the clips unconverted), at most
/// 3 s and 256 KiB. Uploads in another format are refused, not converted: the admin page's
/// recorder resamples and encodes in the browser.
public enum VoiceClipRules {
    public static let sampleRate = 22_050
    public static let channels = 1
    public static let bitsPerSample = 16
    public static let maxSeconds = 3.0
    public static let maxBytes = 256 * 1024

    /// Checks a parsed WAV header against the rules; `fileBytes` is the whole upload's size.
    public static func check(
        channels: Int, sampleRate: Int, bitsPerSample: Int, dataBytes: Int, fileBytes: Int
    ) throws(VoicePackError) {
        guard fileBytes <= maxBytes else { throw .tooBig(fileBytes) }
        guard channels == Self.channels, bitsPerSample == Self.bitsPerSample else {
            throw .wrongFormat(channels: channels, bitsPerSample: bitsPerSample)
        }
        guard sampleRate == Self.sampleRate else { throw .wrongSampleRate(sampleRate) }
        let frames = dataBytes / 2
        guard frames > 0 else { throw .empty }
        let seconds = Double(frames) / Double(sampleRate)
        guard seconds <= maxSeconds else { throw .tooLong((seconds * 10).rounded() / 10) }
    }
}
