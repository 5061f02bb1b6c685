/// Why a spoken call could not be produced or played.
public enum VoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The speech engine or player program is not installed.
    case programNotFound(String)
    /// A program ran but failed (program, exit status, its error output).
    case programFailed(String, status: Int32, output: String)
    /// The speech engine produced no usable audio.
    case noAudio(String)
    /// Text refused for synthesis (too long, or characters that are not a call).
    case textRejected(String)
    /// The audio cache directory is not usable.
    case cacheUnavailable(String)

    public var description: String {
        switch self {
        case .programNotFound(let p): "找不到语音程序：\(p)"
        case .programFailed(let p, let status, let output): "语音程序 \(p) 运行失败（状态 \(status)）：\(output)"
        case .noAudio(let s): "未能生成语音：\(s)"
        case .textRejected(let s): "不能播报该文字：\(s)"
        case .cacheUnavailable(let s): "语音缓存目录不可用：\(s)"
        }
    }
}
