import HallPrinter

extension PrintSpooler {
    /// The words a resident or clerk reads about a job: `printed`, or `queued(condition)` while the
    /// printer has a fault (the job is kept and printed when it is back), or `failed(reason)` when the
    /// document cannot be laid out for this printer (nothing is kept).
    struct ReportWording: Sendable {
        var printed: String
        var queued: @Sendable (_ condition: String) -> String
        var failed: @Sendable (_ reason: String) -> String
    }

    /// Submits `job` and reports what happened in `wording`.
    func submit(_ job: PrintJob, wording: ReportWording) async -> PrintReport {
        do {
            switch try await submit(job) {
            case .printed:
                return PrintReport(status: .printed, message: wording.printed)
            case .pending(let condition):
                return PrintReport(status: .queued, message: wording.queued(condition.label))
            }
        } catch {
            return PrintReport(status: .failed, message: wording.failed("\(error)"))
        }
    }
}
