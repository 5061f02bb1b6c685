import Dispatch
import Foundation

/// Prints documents (PDF notices, reports) through libcups to a CUPS queue or an IPP printer,
/// and follows each job until it is completed, aborted or canceled.
///
/// libcups blocks, so every job runs on this printer's own serial dispatch queue, never on the
/// Swift concurrency executors; jobs to one printer are sent one after the other.
public final class IPPDocumentPrinter: Sendable {
    public let destination: PrintDestination
    public let settings: PrintSettings
    private let queue: DispatchQueue

    public init(destination: PrintDestination, settings: PrintSettings = PrintSettings()) {
        self.destination = destination
        self.settings = settings
        queue = DispatchQueue(label: "hall.cups.\(destination)")
    }

    /// Prints `document` and waits until the job is completed.
    ///
    /// - Returns: the completed job (`state == .completed`).
    /// - Throws: `PrintError.unreachable` / `.queueNotFound` / `.invalidDestination` before a job
    ///   exists, `.refused` when the printer rejects it, `.jobAborted` / `.jobCanceled` when it
    ///   ends badly, `.timeout` when it does not end within `settings.jobTimeout` (the job is
    ///   then canceled).
    public func print(
        _ document: Data, title: String, format: DocumentFormat = .pdf
    ) async throws(PrintError)
        -> PrintJobOutcome
    {
        let bytes = [UInt8](document)
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<PrintJobOutcome, PrintError>, Never>) in
            queue.async {
                continuation.resume(
                    returning: Result { () throws(PrintError) in
                        try self.printBlocking(bytes, title: title, format: format)
                    })
            }
        }
        return try result.get()
    }

    /// The blocking form of `print`: call it only from a thread that may block.
    public func printBlocking(
        _ document: [UInt8], title: String, format: DocumentFormat = .pdf
    ) throws(PrintError)
        -> PrintJobOutcome
    {
        guard !document.isEmpty else { throw .emptyDocument }
        let session = try CupsDestinationSession(destination: destination, settings: settings)
        defer { session.close() }
        let jobID = try session.submit(document, format: format, title: title)
        return try follow(jobID: jobID, on: session)
    }

    /// Polls `job-state` until the job ends or `settings.jobTimeout` passes.
    private func follow(jobID: Int, on session: CupsDestinationSession) throws(PrintError) -> PrintJobOutcome {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: settings.jobTimeout)
        var last: CupsJobStatus?
        while true {
            do {
                last = try session.status(jobID: jobID)
            } catch {
                // A dropped connection is retried until the deadline (libcups reconnects).
                if clock.now >= deadline { throw error }
            }
            if let status = last, status.state.isTerminal {
                switch status.state {
                case .completed:
                    return PrintJobOutcome(
                        jobID: jobID, state: .completed, reasons: status.reasons,
                        destination: destination)
                case .aborted:
                    throw .jobAborted(jobID: jobID, reasons: status.reasons)
                default:
                    throw .jobCanceled(jobID: jobID, reasons: status.reasons)
                }
            }
            if clock.now >= deadline {
                session.cancel(jobID: jobID)
                throw .timeout(jobID: jobID, lastState: last?.state)
            }
            Thread.sleep(forTimeInterval: settings.pollInterval.secondsValue)
        }
    }
}
