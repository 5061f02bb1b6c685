/// What a scan helper's run amounts to: its report (what the child said) read together with how its
/// process ended (what the transport saw). Pure, so that every combination is tested without processes.
///
/// In order: a cancelled run is `cancelled`; a report that ended (`done` or a `failure`) is
/// believed, however the process ended afterwards (a crash in `sane_exit` after the last page
/// loses nothing); a helper killed at its deadline is `unresponsive`; one that died on a signal or
/// with a non-zero status is `crashed`; one that exited cleanly without finishing its report broke
/// the protocol (`io`).
enum SaneHelperVerdict {
    /// The pages of a capture, or its error.
    static func pages(_ messages: [SaneHelperMessage], ending: ChildProcess.Ending) throws(ScannerError) -> [ScannedPage] {
        try check(messages, ending)
        return messages.compactMap { if case .page(let page) = $0 { page } else { nil } }
    }

    /// The devices of a listing, or its error.
    static func devices(_ messages: [SaneHelperMessage], ending: ChildProcess.Ending) throws(ScannerError) -> [SaneDeviceInfo] {
        try check(messages, ending)
        return messages.flatMap { if case .devices(let devices) = $0 { devices } else { [SaneDeviceInfo]() } }
    }

    /// Throws unless the report is complete.
    private static func check(_ messages: [SaneHelperMessage], _ ending: ChildProcess.Ending) throws(ScannerError) {
        if ending.stoppedBy == .cancelled { throw .cancelled }
        if case .failure(let error) = messages.last { throw error }
        if messages.last == .done { return }
        switch (ending.stoppedBy, ending.termination) {
        case (.deadline, _): throw .unresponsive
        case (.rejected, _): throw .io("scan helper: malformed report")
        case (_, .signaled(let signal)?): throw .crashed(signalName(signal))
        case (_, .exited(let status)?) where status != 0: throw .crashed("exit status \(status)")
        default: throw .io("scan helper ended without a result")
        }
    }

    /// `SIGSEGV` and the like, for the signals a crashing driver dies of.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE",
            9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}
