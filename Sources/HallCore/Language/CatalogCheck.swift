import Foundation

/// Checks a language's catalog against the Chinese one: every key present, the same
/// placeholders, no empty text, only the language's script (placeholders aside).
public enum CatalogCheck {
    /// Every problem found, in key order; empty when the catalog is complete and clean.
    public static func problems(_ catalog: MessageCatalog, against chinese: MessageCatalog) -> [LanguageError] {
        var problems: [LanguageError] = []
        for key in chinese.entries.keys.sorted() {
            guard let entry = catalog.entries[key] else {
                problems.append(.unknownKey(key))
                continue
            }
            problems += check(key: key, entry.text, in: catalog.language, chinese: chinese.entries[key]?.text ?? "")
        }
        return problems
    }

    /// The problems of one text for `key` (used for a head's correction too).
    public static func check(key: String, _ text: String, in language: ResidentLanguage, chinese: String) -> [LanguageError] {
        var problems: [LanguageError] = []
        if text.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(.emptyText(key)) }
        let placeholders = MessageCatalog.placeholders(in: text)
        if placeholders != MessageCatalog.placeholders(in: chinese) {
            problems.append(.placeholdersDiffer(key: key, language: language))
        }
        let withoutPlaceholders = MessageCatalog.fill(text, Dictionary(uniqueKeysWithValues: placeholders.map { ($0, "") }))
        if let foreign = withoutPlaceholders.unicodeScalars.first(where: { !language.allows($0) }) {
            problems.append(
                .foreignCharacters(key: key, language: language, scalar: "U+" + String(foreign.value, radix: 16, uppercase: true)))
        }
        return problems
    }
}
