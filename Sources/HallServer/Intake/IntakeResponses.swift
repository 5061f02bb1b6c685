import HallCore
import HallStore

/// Answers of the intake API that are not plain core values.
enum IntakeResponses {
    /// The answer to a pre-review: accepted (with the case number and promised day on the case)
    /// or correction needed (every problem at once), with the notice issued for it.
    struct PreReview: Encodable {
        /// `accepted` or `correction_needed`.
        var outcome: String
        var `case`: LabelledCase
        /// Every missing or defective material (empty when accepted).
        var corrections: [CorrectionItem]
        /// The notice rendered and printed, nil when rendering failed (see `noticeError`).
        var notice: IssuedNotice?
        var noticeError: ErrorBody?
    }

    /// A case with its notices, for staff.
    struct CaseDetail: Encodable {
        var `case`: LabelledCase
        var notices: [NoticeRecord]
    }

    /// A case as the staff pages get it: every field of `Case`, and `stateLabel` next to `state` —
    /// the state's Chinese name (`CaseState.label`), so no page keeps its own list of labels.
    struct LabelledCase: Encodable {
        var value: Case

        init(_ value: Case) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(value.state.label, forKey: .stateLabel)
        }

        private enum Key: String, CodingKey { case stateLabel }
    }

    /// The result of an import.
    struct Imported: Codable {
        var items: Int?
        var year: Int?
        var version: String?
        var coveredYears: [Int]?
    }
}
