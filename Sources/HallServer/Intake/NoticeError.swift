import HallCore

/// Failures around a case's notices (not of the case itself).
public enum NoticeError: HallFailure {
    case unknownKind(String)
    case notAvailable(case: String, kind: String)
    case fileMissing(case: String, kind: String)
    case printerNotConfigured

    public var code: String {
        switch self {
        case .unknownKind: "unknown_notice_kind"
        case .notAvailable: "notice_not_available"
        case .fileMissing: "notice_file_missing"
        case .printerNotConfigured: "office_printer_not_configured"
        }
    }

    public var message: String {
        switch self {
        case .unknownKind(let k): "没有“\(k)”这种告知书，应为 acceptance（受理通知书）或 correction（补正告知书）。"
        case .notAvailable(let c, let k): "案件\(c)没有\(k)。"
        case .fileMissing(let c, let k): "案件\(c)的\(k)文件已丢失，请联系管理员。"
        case .printerNotConfigured: "未配置办公打印机（officePrinter.destination），告知书只能下载打印。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownKind: .invalidInput
        case .notAvailable: .notFound
        case .fileMissing: .unavailable
        case .printerNotConfigured: .conflict
        }
    }
}
