import Foundation

/// A language's call phrase for a voice pack (catalog key `voice.call`): tokens separated by `|`,
/// each `{number}`, `{window}` or a word clip, e.g. `请|{number}|号|到|{window}|号窗口`. A word
/// token may hold several words with spaces: they are recorded as one clip, so a particle is said
/// with its word as a speaker says it (Mongolian suffixes and particles are written apart).
public struct VoiceTemplate: Sendable, Equatable {
    /// One part of the phrase.
    public enum Token: Sendable, Equatable {
        case number
        case window
        case word(String)
    }

    public let tokens: [Token]

    /// Parses `text`; empty tokens are skipped. Throws when `{number}` or `{window}` is missing
    /// or another placeholder appears.
    public init(_ text: String) throws(VoicePackError) {
        var tokens: [Token] = []
        for raw in text.split(separator: "|") {
            let token = raw.trimmingCharacters(in: .whitespaces)
            switch token {
            case "": continue
            case "{number}": tokens.append(.number)
            case "{window}": tokens.append(.window)
            default:
                guard !token.contains("{"), !token.contains("}") else { throw .badTemplate(text) }
                tokens.append(.word(token))
            }
        }
        guard tokens.contains(.number), tokens.contains(.window) else { throw .badTemplate(text) }
        self.tokens = tokens
    }

    /// The template's word clips, each once, in order of first use.
    public var words: [VoiceClip] {
        var seen: Set<String> = []
        return tokens.compactMap { token in
            guard case .word(let w) = token, seen.insert(w).inserted else { return nil }
            return .word(w)
        }
    }
}
