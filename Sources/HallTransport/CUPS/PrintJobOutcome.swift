/// What became of a print job that was submitted and followed to its end.
public struct PrintJobOutcome: Sendable, Equatable {
    /// The job id the printer or scheduler assigned.
    public let jobID: Int
    /// The last `job-state` seen (`.completed` when `print` returns normally).
    public let state: PrintJobState
    /// The last `job-state-reasons` keywords, e.g. `job-completed-successfully`.
    public let reasons: [String]
    /// The destination the job went to.
    public let destination: PrintDestination

    public init(jobID: Int, state: PrintJobState, reasons: [String], destination: PrintDestination) {
        self.jobID = jobID
        self.state = state
        self.reasons = reasons
        self.destination = destination
    }
}
