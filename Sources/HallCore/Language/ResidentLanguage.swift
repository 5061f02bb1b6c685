/// A language residents may read in the hall: Chinese always, traditional Mongolian where the
/// hall is configured bilingual (`center.languages`).
public enum ResidentLanguage: String, Codable, Sendable, CaseIterable {
    /// Simplified Chinese.
    case zh
    /// Mongolian in the traditional script (mn-Mong), written in vertical columns.
    case mn

    /// Whether `scalar` belongs to this language's script, or to what its text may also hold
    /// (ASCII digits, letters and punctuation, spaces; for Mongolian its block U+1800–U+18AF and
    /// the narrow no-break space U+202F before suffixes).
    public func allows(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch self {
        case .mn: return (0x1800...0x18AF).contains(scalar.value) || scalar.value == 0x202F
        case .zh: return !(0x1800...0x18AF).contains(scalar.value)
        }
    }
}
