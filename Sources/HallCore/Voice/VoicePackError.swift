/// Refusals around voice packs, with messages the head can act on.
public enum VoicePackError: HallFailure, Equatable {
    /// A `voice.call` template without `{number}` and `{window}`, or with another placeholder.
    case badTemplate(String)
    /// The hall has no voice pack for this language (not in `center.languages`, or Chinese).
    case languageWithoutPack(String)
    /// The pack of this language has no clip of this name.
    case unknownClip(String)
    /// No clip of this name has been recorded yet.
    case clipNotRecorded(String)
    /// The upload is not a RIFF/WAVE file with PCM samples.
    case notWAV
    /// PCM, but not mono 16-bit.
    case wrongFormat(channels: Int, bitsPerSample: Int)
    /// Another sample rate than the pack's.
    case wrongSampleRate(Int)
    /// Longer than a clip may be (seconds, rounded to tenths).
    case tooLong(Double)
    /// Larger than a clip may be (bytes).
    case tooBig(Int)
    /// No samples at all.
    case empty

    public var code: String {
        switch self {
        case .badTemplate: "bad_voice_template"
        case .languageWithoutPack: "no_voice_pack"
        case .unknownClip: "unknown_voice_clip"
        case .clipNotRecorded: "voice_clip_not_recorded"
        case .notWAV: "not_wav"
        case .wrongFormat: "wrong_audio_format"
        case .wrongSampleRate: "wrong_sample_rate"
        case .tooLong: "clip_too_long"
        case .tooBig: "clip_too_big"
        case .empty: "empty_clip"
        }
    }

    public var message: String {
        let rules = VoiceClipRules.self
        return switch self {
        case .badTemplate(let t): "语音模板“\(t)”不可用：须含 {number} 和 {window}，各段用“|”分隔。"
        case .languageWithoutPack(let l): "本中心没有“\(l)”语言的语音包（只有 center.languages 中汉语以外的语言有）。"
        case .unknownClip(let n): "语音包里没有“\(n)”这段录音，请从列表中选择。"
        case .clipNotRecorded(let n): "“\(n)”还没有录音。"
        case .notWAV: "上传的不是 WAV 录音文件（须为 PCM 格式的 .wav）。"
        case .wrongFormat(let c, let b): "录音须为单声道 16 位 PCM，上传的是 \(c) 声道 \(b) 位。"
        case .wrongSampleRate(let r): "录音采样率须为 \(rules.sampleRate) Hz，上传的是 \(r) Hz，请转换后再上传（页面上录音会自动转换）。"
        case .tooLong(let s): "录音不能超过 \(Int(rules.maxSeconds)) 秒，上传的有 \(s) 秒。"
        case .tooBig(let n): "录音文件不能超过 \(rules.maxBytes / 1024) KiB，上传的有 \(n / 1024) KiB。"
        case .empty: "录音是空的，请重新录制。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .badTemplate: .invalidInput
        case .languageWithoutPack, .unknownClip, .clipNotRecorded: .notFound
        case .notWAV, .wrongFormat, .wrongSampleRate, .tooLong, .empty: .invalidInput
        case .tooBig: .tooLarge
        }
    }
}
