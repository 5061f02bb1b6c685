/// The IPP `job-state` of a print job (RFC 8011 §5.3.7).
public enum PrintJobState: Int32, Sendable, Equatable, CustomStringConvertible {
    case pending = 3
    case held = 4
    case processing = 5
    case stopped = 6
    case canceled = 7
    case aborted = 8
    case completed = 9

    /// Completed, canceled or aborted: the job will not change any more.
    public var isTerminal: Bool {
        self == .completed || self == .canceled || self == .aborted
    }

    public var description: String {
        switch self {
        case .pending: "pending"
        case .held: "held"
        case .processing: "processing"
        case .stopped: "stopped"
        case .canceled: "canceled"
        case .aborted: "aborted"
        case .completed: "completed"
        }
    }

    /// The state in words for the clerk.
    public var chineseLabel: String {
        switch self {
        case .pending: "等待打印"
        case .held: "已挂起"
        case .processing: "正在打印"
        case .stopped: "打印机已暂停"
        case .canceled: "已取消"
        case .aborted: "打印失败"
        case .completed: "已完成"
        }
    }
}
