/// The languages residents read, in the order they are shown: `["zh"]` (the default) or, in a
/// bilingual hall, e.g. `["mn", "zh"]` (the region's rule puts Mongolian first).
public struct ResidentLanguages: Sendable, Hashable {
    /// In display order; always holds Chinese, each language once.
    public let ordered: [ResidentLanguage]

    /// Parses configured codes; throws when one is unknown, repeated, or Chinese is missing.
    public init(codes: [String]) throws(LanguageError) {
        var languages: [ResidentLanguage] = []
        for code in codes {
            guard let language = ResidentLanguage(rawValue: code) else { throw .unknownLanguage(code) }
            guard !languages.contains(language) else { throw .repeatedLanguage(code) }
            languages.append(language)
        }
        guard languages.contains(.zh) else { throw .chineseMissing }
        ordered = languages
    }

    /// Whether residents read more than Chinese.
    public var isBilingual: Bool { ordered.count > 1 }

    /// The languages other than Chinese, in display order.
    public var others: [ResidentLanguage] { ordered.filter { $0 != .zh } }

    /// Whether `language` is shown before Chinese.
    public func precedesChinese(_ language: ResidentLanguage) -> Bool {
        (ordered.firstIndex(of: language) ?? .max) < (ordered.firstIndex(of: .zh) ?? .max)
    }
}
