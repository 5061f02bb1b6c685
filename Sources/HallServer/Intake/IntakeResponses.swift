import HallCore
import HallStore

/// Answers of the intake API that are not plain core values.
enum IntakeResponses {
    /// The answer to a pre-review: accepted (with the case number and promised day on the case)
    /// or correction needed (every problem at once), with the notice issued for it.
    struct PreReview: Codable {
        /// `accepted` or `correction_needed`.
        var outcome: String
        var `case`: Case
        /// Every missing or defective material (empty when accepted).
        var corrections: [CorrectionItem]
        /// The notice rendered and printed, nil when rendering failed (see `noticeError`).
        var notice: IssuedNotice?
        var noticeError: ErrorBody?
    }

    /// A case with its notices, for staff.
    struct CaseDetail: Codable {
        var `case`: Case
        var notices: [NoticeRecord]
    }

    /// The result of an import.
    struct Imported: Codable {
        var items: Int?
        var year: Int?
        var version: String?
        var coveredYears: [Int]?
    }
}
