/// A `ScannerError` as a code and a detail, so that the scan helper process can report it to halld.
extension ScannerError {
    /// The text carried by the cases that have one.
    var detail: String? {
        switch self {
        case .unsupported(let detail), .io(let detail), .crashed(let detail): detail
        default: nil
        }
    }

    /// The error with `code` (see `code`) and `detail`; nil for an unknown code.
    init?(code: String, detail: String?) {
        let text = detail ?? ""
        switch code {
        case "scanner_no_device": self = .noDevice
        case "scanner_busy": self = .deviceBusy
        case "scanner_timeout": self = .timeout
        case "scanner_feeder_empty": self = .feederEmpty
        case "scanner_jammed": self = .jammed
        case "scanner_cover_open": self = .coverOpen
        case "scanner_cancelled": self = .cancelled
        case "scanner_unsupported": self = .unsupported(text)
        case "scanner_io": self = .io(text)
        case "scanner_unresponsive": self = .unresponsive
        case "scanner_crashed": self = .crashed(text)
        default: return nil
        }
    }
}
