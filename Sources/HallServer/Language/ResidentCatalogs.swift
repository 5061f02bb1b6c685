import Foundation
import HallCore

/// The message catalogs of the hall's configured languages (`center.languages`), read from
/// `<dataDirectory>/i18n/<code>.json` at start. A bilingual hall whose catalog is incomplete
/// does not start: residents would meet half-translated tickets.
struct ResidentCatalogs: Sendable {
    let languages: ResidentLanguages
    let catalogs: [ResidentLanguage: MessageCatalog]

    /// A Chinese-only hall needs no file: its wording is built in.
    init(configuration: HallConfiguration) throws {
        languages = try ResidentLanguages(codes: configuration.center.languages)
        guard languages.isBilingual else {
            catalogs = [:]
            return
        }
        let folder = URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent("i18n")
        func load(_ language: ResidentLanguage) throws -> MessageCatalog {
            let url = folder.appendingPathComponent("\(language.rawValue).json")
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ConfigurationError.invalidValue(key: "center.languages", reason: "no message catalog at \(url.path)")
            }
            return try MessageCatalog(language: language, json: data)
        }
        let chinese = try load(.zh)
        var loaded: [ResidentLanguage: MessageCatalog] = [.zh: chinese]
        for language in languages.others {
            let catalog = try load(language)
            if let problem = CatalogCheck.problems(catalog, against: chinese).first {
                throw ConfigurationError.invalidValue(key: "center.languages", reason: "\(language.rawValue): \(problem)")
            }
            loaded[language] = catalog
        }
        catalogs = loaded
    }
}
