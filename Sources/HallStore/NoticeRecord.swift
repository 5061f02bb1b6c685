import Foundation

/// The two notices a case can produce.
public enum NoticeKind: String, Codable, Sendable, CaseIterable {
    /// 受理通知书.
    case acceptance
    /// 补正告知书.
    case correction

    /// Chinese name, as printed.
    public var label: String { self == .acceptance ? "受理通知书" : "补正告知书" }
}

/// Where a notice's printing stands.
public enum NoticePrintStatus: String, Codable, Sendable {
    /// Not sent yet (or being sent).
    case pending
    /// The printer reported the job completed.
    case printed
    /// Sending or the job failed; can be retried.
    case failed
    /// No office printer is configured: the PDF is kept and can be downloaded.
    case notConfigured = "not_configured"
}

/// A rendered notice kept with its case: the PDF on disk and what became of printing it.
public struct NoticeRecord: Codable, Sendable, Hashable {
    public var id: Int64
    public var caseID: Int64
    public var kind: NoticeKind
    /// 1 for the first notice of this kind for the case, 2 after a second correction round, …
    public var sequence: Int
    /// The PDF file.
    public var path: String
    public var createdAt: Date
    public var printStatus: NoticePrintStatus
    /// The CUPS/IPP job id of the last attempt, when a job was created.
    public var cupsJobID: Int?
    /// The clerk-facing message of the last failure.
    public var printError: String?
    public var printedAt: Date?
}
