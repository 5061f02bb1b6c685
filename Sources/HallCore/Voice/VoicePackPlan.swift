/// Which clips a language's voice pack needs and which it plays for a call, in order.
///
/// A call is read as the screens write it: the ticket number letter by letter and digit by digit
/// (`B012` → B, 0, 1, 2), the window digit by digit (`12` → 1, 2). Digit by digit needs ten
/// recordings instead of a language's whole counting system, and is how numbers are read out
/// anyway where a number is a label, not a quantity. Letters are those of the hall's ticket
/// prefixes only (not A–Z): nobody records letters no ticket carries, and a new prefix simply
/// makes the pack incomplete (calls stay Mandarin-only) until its letter is recorded.
public struct VoicePackPlan: Sendable, Equatable {
    public let language: ResidentLanguage
    public let template: VoiceTemplate
    /// Uppercase ASCII letters of the hall's ticket prefixes, sorted.
    public let letters: [Character]

    public init(language: ResidentLanguage, template: VoiceTemplate, prefixes: [String]) {
        self.language = language
        self.template = template
        letters = Set(prefixes.joined().uppercased().filter { $0.isASCII && $0.isLetter }).sorted()
    }

    /// Every clip of the pack: digits, letters, the template's words.
    public var required: [VoiceClip] {
        (0...9).map { VoiceClip.digit($0) } + letters.map { VoiceClip.letter($0) } + template.words
    }

    /// The required clips not in `recorded` (clip names), in the pack's order.
    public func missing(recorded: Set<String>) -> [VoiceClip] { required.filter { !recorded.contains($0.name) } }

    /// Whether every required clip is recorded.
    public func isComplete(recorded: Set<String>) -> Bool { missing(recorded: recorded).isEmpty }

    /// The clips that say the call, in order; nil when the number or window has a character the
    /// pack cannot say (a letter of no prefix, a negative window).
    public func clips(number: String, window: Int) -> [VoiceClip]? {
        guard window >= 0 else { return nil }
        guard let numberClips = Self.characters(number.uppercased(), letters: letters),
            let windowClips = Self.characters(String(window), letters: [])
        else { return nil }
        return template.tokens.flatMap { token -> [VoiceClip] in
            switch token {
            case .number: numberClips
            case .window: windowClips
            case .word(let w): [.word(w)]
            }
        }
    }

    /// A label read character by character.
    static func characters(_ text: String, letters: [Character]) -> [VoiceClip]? {
        var clips: [VoiceClip] = []
        for c in text {
            if c.isASCII, let d = c.wholeNumberValue {
                clips.append(.digit(d))
            } else if letters.contains(c) {
                clips.append(.letter(c))
            } else {
                return nil
            }
        }
        return clips.isEmpty ? nil : clips
    }
}
