import HallCore

/// The applicant named on a notice. The notice is handed to the applicant, so the paper shows
/// the full name; `description` (what logs and string interpolation see) is masked.
public struct NoticeApplicant: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A natural person (群众).
        case person
        /// An enterprise or other organization (企业).
        case enterprise
    }

    /// Full name of the person or enterprise.
    public var name: String
    public var kind: Kind
    /// Identity-card number or unified social credit code; printed masked.
    public var idNumber: String?

    public init(name: String, kind: Kind = .person, idNumber: String? = nil) {
        self.name = name
        self.kind = kind
        self.idNumber = idNumber
    }

    /// Masked, for logs: 张*丰.
    public var description: String {
        kind == .person ? PersonalDataMask.name(name) : name
    }

    /// How the notice addresses the applicant in the body text.
    var pronoun: String { kind == .person ? "你" : "你单位" }

    /// The ID line as printed: masked (1101**********1234).
    var maskedIdNumber: String? {
        idNumber.map(PersonalDataMask.idNumber)
    }
}
