import HallCore

/// The fixed wording of the notices (titles, headings, labels, sentences, footer) in the hall's
/// languages, by the catalogs' shared `doc.*` keys, in the order the languages are printed: one
/// above the other, Mongolian first in the region's rule. The daemon builds it from the message
/// catalogs with the head's corrections; a Chinese-only hall uses ``chinese``.
public struct DocumentWording: Sendable, Equatable {
    /// One language's texts.
    public struct Language: Sendable, Equatable {
        /// The catalog's language code, e.g. `zh`, `mn`.
        public var code: String
        /// `doc.*` key → text with `{placeholders}`.
        public var texts: [String: String]

        public init(code: String, texts: [String: String]) {
            self.code = code
            self.texts = texts
        }

        var isChinese: Bool { code == "zh" }
    }

    /// One language's text of a key, filled in.
    struct Line: Equatable {
        let text: String
        let isChinese: Bool
    }

    /// The languages in printing order.
    public var languages: [Language]

    public init(languages: [Language]) {
        self.languages = languages
    }

    /// True when more than one language is printed.
    public var isBilingual: Bool { languages.count > 1 }

    /// The Chinese wording every notice has printed (the `doc.*` keys of `data/i18n/zh.json`).
    public static let chinese = DocumentWording(languages: [Language(code: "zh", texts: ChineseDocumentTexts.all)])

    /// Each language's text of `key`, `values` and `dates` filled in (a date as 2026年11月25日 in
    /// Chinese, 2026.11.25 in the other scripts), in printing order; a language without the key is
    /// left out. A placeholder named in `keys` takes that key's text in the same language (a
    /// weekday, 份); one in `ownValues[code]` takes that value in that language (the center's
    /// Mongolian name), `values` when it is empty.
    func lines(
        _ key: String, _ values: [String: String] = [:], dates: [String: LocalDay] = [:], keys: [String: String] = [:],
        ownValues: [String: [String: String]] = [:]
    ) -> [Line] {
        languages.compactMap { language in
            guard let template = language.texts[key], !template.isEmpty else { return nil }
            var filled = values
            for (name, day) in dates {
                filled[name] = Self.date(day, isChinese: language.isChinese)
            }
            for (name, valueKey) in keys {
                if let text = language.texts[valueKey], !text.isEmpty { filled[name] = MessageCatalog.fill(text, values) }
            }
            for (name, value) in ownValues[language.code] ?? [:] where !value.isEmpty {
                filled[name] = value
            }
            return Line(text: MessageCatalog.fill(template, filled), isChinese: language.isChinese)
        }
    }

    /// The texts of `key` one under the other, for a label, a table header or a fixed value (原件);
    /// `keys` and `ownValues` as in ``lines(_:_:dates:keys:ownValues:)``.
    public func label(
        _ key: String, _ values: [String: String] = [:], dates: [String: LocalDay] = [:], keys: [String: String] = [:],
        ownValues: [String: [String: String]] = [:]
    ) -> String {
        lines(key, values, dates: dates, keys: keys, ownValues: ownValues).map(\.text).joined(separator: "\n")
    }

    /// A name given in Chinese and, maybe, in Mongolian (a catalog item's or material's): the Mongolian
    /// (when given and not empty and the hall prints Mongolian) and the Chinese one under the other in
    /// the languages' order, else the Chinese alone.
    public func name(_ chinese: String, mongolian: String?) -> String {
        languages.compactMap { language in
            switch language.code {
            case "zh": chinese
            case "mn": mongolian.flatMap { $0.isEmpty ? nil : $0 }
            default: nil
            }
        }.joined(separator: "\n")
    }

    /// A day in each language, one under the other: 2026年9月24日 in Chinese, 2026.09.24 in the other scripts.
    public func day(_ day: LocalDay) -> String {
        languages.map { Self.date(day, isChinese: $0.isChinese) }.joined(separator: "\n")
    }

    /// A day as a line in that language writes it: 2026年9月24日 in Chinese, 2026.09.24 otherwise.
    static func date(_ day: LocalDay, isChinese: Bool) -> String { isChinese ? day.chineseText : numericDate(day) }

    /// A date as written inside a Mongolian line: 2026.10.03.
    public static func numericDate(_ day: LocalDay) -> String {
        "\(day.year).\(day.month < 10 ? "0" : "")\(day.month).\(day.day < 10 ? "0" : "")\(day.day)"
    }
}
