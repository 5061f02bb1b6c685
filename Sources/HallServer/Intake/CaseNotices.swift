import Foundation
import HallCore
import HallDocuments
import HallStore
import HallTransport
import Logging

/// What became of printing a notice, as told to the clerk.
public struct NoticePrintReport: Codable, Sendable, Equatable {
    public var status: NoticePrintStatus
    /// Why it failed (Chinese), or nil.
    public var message: String? = nil
    public var jobID: Int? = nil
}

/// A notice issued for a case, with its download address and print outcome.
public struct IssuedNotice: Codable, Sendable, Equatable {
    public var kind: NoticeKind
    public var sequence: Int
    /// Where to download the newest notice of this kind.
    public var url: String
    public var print: NoticePrintReport
}

/// Renders a case's notices to PDF, keeps them under `<stateDirectory>/notices/<case>/`, and
/// prints them on the office printer, following the job and recording its outcome.
///
/// Callers issue notices only after the case change is committed: a rendering or printing
/// failure never undoes an acceptance.
public final class CaseNotices: Sendable {
    private let store: SQLiteNoticeStore
    private let folder: URL
    private let printer: IPPDocumentPrinter?
    private let clock: any HallClock
    private let logger = Logger(label: "halld.notices")

    public init(database: HallDatabase, stateDirectory: String, officePrinter: OfficePrinter, clock: any HallClock) {
        store = SQLiteNoticeStore(database)
        folder = URL(fileURLWithPath: stateDirectory).appendingPathComponent("notices")
        printer = officePrinter.documentPrinter
        self.clock = clock
    }

    /// Renders, stores and prints a notice for `c`.
    func issue(_ kind: NoticeKind, document: some PDFDocumentContent, for c: Case) async throws -> IssuedNotice {
        let pdf = try document.renderPDF()
        let directory = folder.appendingPathComponent(Self.folderName(c))
        let record = try await store.add(
            caseID: c.id, kind: kind, at: clock.now(),
            initialStatus: printer == nil ? .notConfigured : .pending
        ) { sequence in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("\(kind.rawValue)-\(sequence).pdf")
            try pdf.write(to: file, options: .atomic)
            return file.path
        }
        let report = try await print(record, pdf: pdf, title: document.documentTitle)
        return IssuedNotice(kind: kind, sequence: record.sequence, url: Self.url(c, kind), print: report)
    }

    /// Prints the newest notice of `kind` again (after a failure, or for another copy).
    func reprint(_ kind: NoticeKind, for c: Case) async throws -> IssuedNotice {
        guard printer != nil else { throw NoticeError.printerNotConfigured }
        let (record, pdf) = try await file(kind, for: c)
        let report = try await print(record, pdf: pdf, title: "\(kind.label) \(NoticeContent.preReviewNumber(c))")
        return IssuedNotice(kind: kind, sequence: record.sequence, url: Self.url(c, kind), print: report)
    }

    /// The newest notice of `kind` and its PDF bytes.
    func file(_ kind: NoticeKind, for c: Case) async throws -> (NoticeRecord, Data) {
        guard let record = try await store.latest(caseID: c.id, kind: kind) else {
            throw NoticeError.notAvailable(case: c.reference, kind: kind.label)
        }
        guard let data = FileManager.default.contents(atPath: record.path) else {
            throw NoticeError.fileMissing(case: c.reference, kind: kind.label)
        }
        return (record, data)
    }

    /// Every notice of a case.
    func notices(for c: Case) async throws -> [NoticeRecord] {
        try await store.notices(caseID: c.id)
    }

    private func print(_ record: NoticeRecord, pdf: Data, title: String) async throws -> NoticePrintReport {
        guard let printer else { return NoticePrintReport(status: .notConfigured) }
        let outcome: PrintJobOutcome
        do {
            outcome = try await printer.print(pdf, title: title)
        } catch {
            logger.warning("notice \(record.kind.rawValue)-\(record.sequence) of case #\(record.caseID) not printed: \(error)")
            _ = try await store.recordPrint(
                noticeID: record.id, status: .failed, jobID: error.jobID, error: error.message,
                at: clock.now())
            return NoticePrintReport(status: .failed, message: error.message, jobID: error.jobID)
        }
        _ = try await store.recordPrint(noticeID: record.id, status: .printed, jobID: outcome.jobID, error: nil, at: clock.now())
        return NoticePrintReport(status: .printed, jobID: outcome.jobID)
    }

    static func folderName(_ c: Case) -> String { c.number ?? "case-\(c.id)" }

    static func url(_ c: Case, _ kind: NoticeKind) -> String {
        "/api/cases/\(c.number ?? String(c.id))/notices/\(kind.rawValue).pdf"
    }
}

extension PrintError {
    /// The job id, when the failure happened after a job was created.
    var jobID: Int? {
        switch self {
        case .jobAborted(let id, _), .jobCanceled(let id, _), .timeout(let id, _): id
        default: nil
        }
    }
}
