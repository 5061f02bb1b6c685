import Foundation

/// Keeps every print job until it has been printed.
///
/// A submitted job is journaled first, then printed. When printing fails it stays pending
/// (in memory and in the ``PrintJobJournal``) and is retried, oldest first, by ``run()``
/// every ``retryInterval`` or at once when ``printerArrived()`` reports a hotplug. While
/// nothing is pending, ``run()`` polls the printer so ``health()`` stays current.
public actor PrintSpooler {
    /// The driver jobs go through.
    public let printer: TicketPrinter
    /// Pause between retry/poll rounds.
    public let retryInterval: Duration

    private let journal: any PrintJobJournal
    private var pending: [String: PrintJob] = [:]
    private var inFlight: Set<String> = []
    private var condition: PrinterCondition = .ready
    private var printedTotal = 0
    private var failedAttemptsTotal = 0
    private var lastPrintedAt: Date?
    private var lastFailure: String?
    private var lastJournalError: String?
    private var wake: AsyncStream<Void>.Continuation?

    /// Creates a spooler; call ``restorePending()`` once, then keep ``run()`` running.
    public init(printer: TicketPrinter, journal: any PrintJobJournal, retryInterval: Duration = .seconds(3)) {
        self.printer = printer
        self.journal = journal
        self.retryInterval = retryInterval
    }

    /// Loads the jobs left pending by an earlier run from the journal.
    public func restorePending() async {
        do {
            for job in try await journal.pendingJobs() where pending[job.id] == nil { pending[job.id] = job }
        } catch {
            lastJournalError = String(describing: error)
        }
    }

    /// Journals `job` and tries to print it now. The document is encoded once per attempt, for
    /// the printer connected then.
    ///
    /// Throws only when the document cannot be encoded for this printer (a caller bug,
    /// e.g. a character outside the printer font); such a job is not kept.
    public func submit(_ job: PrintJob) async throws(EscPosError) -> PrintOutcome {
        pending[job.id] = job
        await persist(job)
        if inFlight.contains(job.id) { return .pending(condition) }
        switch await attempt(job) {
        case .done(let outcome): return outcome
        case .unprintable(let error): throw error
        }
    }

    /// Enqueues `document` again under `id` (a clerk's reprint).
    public func reprint(id: String, document: PrintDocument) async throws(EscPosError) -> PrintOutcome {
        try await submit(PrintJob(id: id, document: document))
    }

    /// Tries every pending job, oldest first; stops at the first failure. Returns how many
    /// were printed.
    @discardableResult
    public func retryPending() async -> Int {
        var printed = 0
        for job in pending.values.sorted(by: { $0.enqueuedAt < $1.enqueuedAt }) where !inFlight.contains(job.id) {
            guard pending[job.id] == job else { continue }
            switch await attempt(job) {
            case .done(.printed): printed += 1
            case .done(.pending): return printed
            case .unprintable: continue
            }
        }
        return printed
    }

    /// Hotplug notification: the printer (re)appeared; retry now instead of at the next tick.
    public func printerArrived() {
        wake?.yield()
    }

    /// Retry/poll loop; returns when the surrounding task is cancelled.
    public func run() async {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        wake = continuation
        let interval = retryInterval
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield()
            }
        }
        defer { ticker.cancel(); continuation.finish() }
        await withTaskCancellationHandler {
            for await _ in stream {
                if Task.isCancelled { break }
                await tick()
            }
        } onCancel: {
            continuation.finish()
        }
    }

    /// One round of ``run()``: retry pending jobs, or refresh the condition when idle.
    public func tick() async {
        if pending.isEmpty {
            if inFlight.isEmpty { condition = await printer.currentCondition() }
        } else {
            await retryPending()
        }
    }

    /// The current state for /healthz and the console.
    public func health() -> PrintSpoolerHealth {
        PrintSpoolerHealth(
            condition: condition,
            pendingJobIDs: pending.values.sorted { $0.enqueuedAt < $1.enqueuedAt }.map(\.id),
            printedTotal: printedTotal, failedAttemptsTotal: failedAttemptsTotal,
            lastPrintedAt: lastPrintedAt, lastFailure: lastFailure,
            lastJournalError: lastJournalError)
    }

    /// Jobs waiting to be printed, oldest first.
    public func pendingJobs() -> [PrintJob] {
        pending.values.sorted { $0.enqueuedAt < $1.enqueuedAt }
    }

    // MARK: - Private

    /// What one attempt at a job came to.
    private enum Attempt {
        case done(PrintOutcome)
        /// The document cannot be encoded for this printer: the job is dropped, not retried.
        case unprintable(EscPosError)
    }

    private func attempt(_ job: PrintJob) async -> Attempt {
        inFlight.insert(job.id)
        defer { inFlight.remove(job.id) }
        do {
            let after = try await printer.print(job.document)
            condition = after
            printedTotal += 1
            lastPrintedAt = Date()
            lastFailure = nil
            // A reprint enqueued while this one was printing stays pending.
            if pending[job.id] == job { await drop(job) }
            return .done(.printed(after))
        } catch .encoding(let error) {
            if pending[job.id] == job { await drop(job) }
            return .unprintable(error)
        } catch {
            condition = error.condition
            failedAttemptsTotal += 1
            lastFailure = error.description
            if pending[job.id] == job {
                var updated = job
                updated.attempts += 1
                updated.lastFailure = error.condition
                pending[job.id] = updated
                await persist(updated)
            }
            return .done(.pending(error.condition))
        }
    }

    /// Forgets a job that is printed or cannot be printed.
    private func drop(_ job: PrintJob) async {
        pending[job.id] = nil
        do { try await journal.remove(jobID: job.id) } catch { lastJournalError = String(describing: error) }
    }

    private func persist(_ job: PrintJob) async {
        do {
            try await journal.save(job)
            lastJournalError = nil
        } catch {
            lastJournalError = String(describing: error)
        }
    }
}
