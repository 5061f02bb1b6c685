import CSane

/// Maps libsane status codes to `ScannerError`.
enum SaneStatusMapping {
    /// The error for a non-GOOD status.
    static func error(for status: SANE_Status) -> ScannerError {
        switch status {
        case SANE_STATUS_DEVICE_BUSY: .deviceBusy
        case SANE_STATUS_NO_DOCS: .feederEmpty
        case SANE_STATUS_JAMMED: .jammed
        case SANE_STATUS_COVER_OPEN: .coverOpen
        case SANE_STATUS_CANCELLED: .cancelled
        case SANE_STATUS_UNSUPPORTED: .unsupported(describe(status))
        default: .io(describe(status))
        }
    }

    /// libsane's own English text for a status.
    static func describe(_ status: SANE_Status) -> String {
        String(cString: sane_strstatus(status))
    }
}
