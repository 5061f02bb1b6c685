import Foundation

/// The head's correction of one string residents see (a Mongolian draft a native speaker fixed,
/// or a Chinese wording the hall prefers): it overrides the catalog file's text for `key` in
/// `language` until removed, and is exported back as part of a catalog.
public struct WordingCorrection: Codable, Sendable, Equatable {
    public var language: ResidentLanguage
    public var key: String
    public var text: String
    /// Whether the corrected text has been checked by a native speaker.
    public var reviewed: Bool
    /// The account that made the correction, and when.
    public var correctedBy: String
    public var correctedAt: Date

    public init(language: ResidentLanguage, key: String, text: String, reviewed: Bool, correctedBy: String, correctedAt: Date) {
        self.language = language
        self.key = key
        self.text = text
        self.reviewed = reviewed
        self.correctedBy = correctedBy
        self.correctedAt = correctedAt
    }
}

extension EventType {
    /// A string residents see was corrected or its correction removed (pages read the wording again).
    public static let wordingCorrected: EventType = "wording.corrected"
}
