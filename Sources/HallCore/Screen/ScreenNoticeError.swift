/// Refusals of the hall screen's notice, with messages the head can act on.
public enum ScreenNoticeError: HallFailure, Equatable {
    case tooLong(max: Int, given: Int)

    public var code: String {
        switch self {
        case .tooLong: "notice_too_long"
        }
    }

    public var message: String {
        switch self {
        case .tooLong(let max, let given): "滚动通知最多 \(max) 字（现为 \(given) 字），请删减后再保存。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .tooLong: .invalidInput
        }
    }
}
