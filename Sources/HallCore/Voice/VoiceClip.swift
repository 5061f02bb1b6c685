/// One recorded clip of a voice pack: a digit, a letter of a ticket prefix, or a word (or short
/// phrase) of the language's call template. Its `name` identifies it in storage and in the API:
/// `digit.0`…`digit.9`, `letter.B`, `word.<the words as written>`.
public enum VoiceClip: Hashable, Sendable {
    case digit(Int)
    case letter(Character)
    case word(String)

    /// `digit.3`, `letter.B`, `word.<text>`.
    public var name: String {
        switch self {
        case .digit(let d): "digit.\(d)"
        case .letter(let l): "letter.\(l)"
        case .word(let w): "word.\(w)"
        }
    }

    /// What the recording says, as the admin page shows it: `3`, `B`, or the words.
    public var label: String {
        switch self {
        case .digit(let d): String(d)
        case .letter(let l): String(l)
        case .word(let w): w
        }
    }

    /// The kind, for grouping: `digit`, `letter` or `word`.
    public var kind: String {
        switch self {
        case .digit: "digit"
        case .letter: "letter"
        case .word: "word"
        }
    }

    /// Parses a clip name; nil for anything else (a digit outside 0…9, a letter outside A…Z, an empty word).
    public init?(name: String) {
        if name.hasPrefix("digit.") {
            let rest = name.dropFirst(6)
            guard rest.count == 1, let c = rest.first, let d = c.wholeNumberValue, c.isASCII else { return nil }
            self = .digit(d)
        } else if name.hasPrefix("letter.") {
            let rest = name.dropFirst(7)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isUppercase else { return nil }
            self = .letter(c)
        } else if name.hasPrefix("word."), name.count > 5 {
            self = .word(String(name.dropFirst(5)))
        } else {
            return nil
        }
    }
}
