/// Durable storage of pending print jobs, so they survive a daemon restart.
///
/// The daemon backs it with SQLite; ``InMemoryPrintJobJournal`` is for tests.
public protocol PrintJobJournal: Sendable {
    /// Stores `job`, replacing a pending job with the same id.
    func save(_ job: PrintJob) async throws
    /// Forgets the job with `id` (printed).
    func remove(jobID: String) async throws
    /// All pending jobs.
    func pendingJobs() async throws -> [PrintJob]
}

/// A journal in memory only: for tests and demos, not for production (lost on restart).
public actor InMemoryPrintJobJournal: PrintJobJournal {
    private var jobs: [String: PrintJob] = [:]

    public init(jobs: [PrintJob] = []) {
        for job in jobs { self.jobs[job.id] = job }
    }

    public func save(_ job: PrintJob) { jobs[job.id] = job }
    public func remove(jobID: String) { jobs[jobID] = nil }
    public func pendingJobs() -> [PrintJob] { jobs.values.sorted { $0.enqueuedAt < $1.enqueuedAt } }
}
