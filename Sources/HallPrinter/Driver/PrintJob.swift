import Foundation

/// A document waiting to be printed, keyed by ``id`` (the ticket id for queue tickets).
public struct PrintJob: Sendable, Hashable, Codable, Identifiable {
    /// Key: enqueuing a job with the same id replaces the pending one (a reprint).
    public let id: String
    /// What to print.
    public let document: PrintDocument
    /// When the job was (last) enqueued.
    public let enqueuedAt: Date
    /// Print attempts so far.
    public var attempts: Int
    /// The printer condition seen at the last failed attempt.
    public var lastFailure: PrinterCondition?

    public init(
        id: String, document: PrintDocument, enqueuedAt: Date = Date(), attempts: Int = 0,
        lastFailure: PrinterCondition? = nil
    ) {
        self.id = id
        self.document = document
        self.enqueuedAt = enqueuedAt
        self.attempts = attempts
        self.lastFailure = lastFailure
    }
}
