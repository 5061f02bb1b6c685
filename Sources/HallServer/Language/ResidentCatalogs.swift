import Foundation
import HallCore
import HallPrinter

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

    /// A ticket's lines in the hall's second language, or nil in a Chinese-only hall.
    func ticketSecondScript(mongolianName: String) -> SecondScript? {
        guard let language = languages.others.first, let catalog = catalogs[language] else { return nil }
        func text(_ key: String) -> String { catalog.text(key) ?? "" }
        let wording = TicketWording(
            yourNumber: text("ticket.yourNumber"), peopleAhead: text("ticket.peopleAhead"), noOneAhead: text("ticket.noOneAhead"),
            estimatedWait: text("ticket.estimatedWait"), issuedAt: text("ticket.issuedAt"),
            scanForProgress: text("ticket.scanForProgress"), courtesy: text("ticket.courtesy"))
        return SecondScript(
            wording: wording, centerName: language == .mn && !mongolianName.isEmpty ? mongolianName : nil,
            first: languages.precedesChinese(language))
    }
}
