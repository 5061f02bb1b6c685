import Foundation

/// A snapshot of the ticket printer for /healthz, metrics and the clerk console.
public struct PrintSpoolerHealth: Sendable, Equatable, Codable {
    /// The printer's current condition.
    public var condition: PrinterCondition
    /// Chinese label of ``condition``.
    public var label: String { condition.label }
    /// Ids of jobs waiting to be printed, oldest first.
    public var pendingJobIDs: [String]
    /// Jobs printed since start.
    public var printedTotal: Int
    /// Failed attempts since start.
    public var failedAttemptsTotal: Int
    /// When the last job was printed.
    public var lastPrintedAt: Date?
    /// The last failure, in Chinese, or nil.
    public var lastFailure: String?
    /// The last journal error (pending jobs may not survive a restart while set).
    public var lastJournalError: String?
}
