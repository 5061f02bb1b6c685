/// Why a document was not printed. `message` is for the clerk (Chinese), `description` for logs.
public enum PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answered at the destination (printer off, wrong address, cupsd not running).
    case unreachable(destination: String, reason: String)
    /// The CUPS scheduler has no queue of that name.
    case queueNotFound(String)
    /// The configured destination is not a usable queue name or IPP URI.
    case invalidDestination(String)
    /// The printer answered but refused the job (unsupported format, not accepting jobs...).
    case refused(destination: String, reason: String)
    /// The job started but ended in `aborted` (paper jam, filter failure, printer error).
    case jobAborted(jobID: Int, reasons: [String])
    /// The job was canceled at the printer or by an operator.
    case jobCanceled(jobID: Int, reasons: [String])
    /// The job did not reach a final state in time; `jobID` is 0 when it was never created.
    case timeout(jobID: Int, lastState: PrintJobState?)
    /// There was nothing to print.
    case emptyDocument

    /// Stable snake_case code for APIs and metrics.
    public var code: String {
        switch self {
        case .unreachable: "printer_unreachable"
        case .queueNotFound: "print_queue_not_found"
        case .invalidDestination: "print_destination_invalid"
        case .refused: "print_refused"
        case .jobAborted: "print_job_aborted"
        case .jobCanceled: "print_job_canceled"
        case .timeout: "print_timeout"
        case .emptyDocument: "print_empty_document"
        }
    }

    /// What the clerk reads, in Chinese, with what to do next.
    public var message: String {
        switch self {
        case .unreachable:
            "无法连接打印机，请检查打印机电源、网线或打印服务后重新打印"
        case .queueNotFound(let name):
            "未找到打印队列“\(name)”，请联系管理员检查打印机设置"
        case .invalidDestination(let text):
            "打印机地址“\(text)”无效，请联系管理员检查打印机设置"
        case .refused(_, let reason):
            "打印机拒绝了打印任务（\(reason)），请检查打印机状态后重新打印"
        case .jobAborted(let id, let reasons):
            "打印任务 \(id) 打印失败（\(reasons.joined(separator: ", "))），请检查打印机是否缺纸、卡纸后重新打印"
        case .jobCanceled(let id, _):
            "打印任务 \(id) 已被取消，如需要请重新打印"
        case .timeout(let id, let state):
            "打印任务\(id > 0 ? " \(id) " : "")未在规定时间内完成（\(state?.chineseLabel ?? "无响应")），请检查打印机后重新打印"
        case .emptyDocument:
            "打印内容为空"
        }
    }

    /// Whether printing the same document again may succeed without changing the configuration.
    public var isRetryable: Bool {
        switch self {
        case .emptyDocument, .invalidDestination, .queueNotFound: false
        default: true
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let destination, let reason): "printer unreachable: \(destination) (\(reason))"
        case .queueNotFound(let name): "CUPS queue not found: \(name)"
        case .invalidDestination(let text): "invalid print destination: \(text)"
        case .refused(let destination, let reason): "print job refused by \(destination): \(reason)"
        case .jobAborted(let id, let reasons): "print job \(id) aborted: \(reasons)"
        case .jobCanceled(let id, let reasons): "print job \(id) canceled: \(reasons)"
        case .timeout(let id, let state): "print job \(id) timed out in state \(state?.description ?? "unknown")"
        case .emptyDocument: "empty document"
        }
    }
}
