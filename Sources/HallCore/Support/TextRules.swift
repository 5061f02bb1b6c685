/// What text the hall accepts from a request: no control characters (a line break or a tab in
/// a note is fine), no bidirectional overrides or isolates (they reorder what a notice shows), and
/// no longer than a field's limit.
public enum TextRules {
    /// Why `text` is refused.
    public enum Problem: Sendable, Equatable {
        case controlCharacter
        case directionOverride
        case tooLong(limit: Int)
    }

    /// The longest text any request field may hold; fields printed on documents have tighter limits.
    public static let anyFieldLimit = 2_000

    /// The problem with `text`, nil when it is acceptable.
    public static func problem(in text: String, limit: Int = anyFieldLimit) -> Problem? {
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control, scalar != "\n", scalar != "\t", scalar != "\r" { return .controlCharacter }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { return .directionOverride }
        }
        return text.count > limit ? .tooLong(limit: limit) : nil
    }
}
