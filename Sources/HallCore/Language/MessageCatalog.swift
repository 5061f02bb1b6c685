import Foundation

/// The strings residents see in one language, by shared key (e.g. `ticket.yourNumber`), each
/// marked whether a native speaker has reviewed it. Placeholders are written `{name}`.
public struct MessageCatalog: Sendable, Equatable {
    /// One string and its review mark.
    public struct Entry: Codable, Sendable, Equatable {
        public var text: String
        /// Whether a native speaker has checked the text; drafts ship as `false`.
        public var reviewed: Bool

        public init(text: String, reviewed: Bool) {
            self.text = text
            self.reviewed = reviewed
        }
    }

    public let language: ResidentLanguage
    public private(set) var entries: [String: Entry]

    public init(language: ResidentLanguage, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// Reads a catalog file's JSON: `{"key": {"text": "…", "reviewed": false}, …}`.
    public init(language: ResidentLanguage, json: Data) throws(LanguageError) {
        do {
            self.init(language: language, entries: try JSONDecoder().decode([String: Entry].self, from: json))
        } catch {
            throw .unreadableCatalog(language, "\(error)")
        }
    }

    /// The text of `key` with its placeholders filled in; nil when the catalog has no such key.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String? {
        entries[key].map { Self.fill($0.text, values) }
    }

    /// `template` with each `{name}` of `values` replaced by its value.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }

    /// Replaces or adds one entry (a head's correction).
    public mutating func set(_ key: String, _ entry: Entry) { entries[key] = entry }

    /// The catalog as a file holds it: sorted keys, readable.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(entries)
    }

    /// The placeholder names in `text`, e.g. `["number", "window"]`.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
