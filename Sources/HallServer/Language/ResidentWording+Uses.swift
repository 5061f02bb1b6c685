import HallCore
import HallPrinter

extension ResidentWording {
    /// What the resident pages show, per configured language (code → key → text): the `page.`
    /// and `error.` keys with the head's corrections, in a bilingual hall only (a Chinese-only
    /// page keeps its own wording).
    func pageMessages() -> [String: [String: String]] {
        var messages: [String: [String: String]] = [:]
        for language in languages.isBilingual ? languages.ordered : [] {
            guard let catalog = catalog(language) else { continue }
            messages[language.rawValue] = catalog.entries.filter { $0.key.hasPrefix("page.") || $0.key.hasPrefix("error.") }.mapValues(\.text)
        }
        return messages
    }

    /// A ticket's lines in the hall's second language as they read now, or nil in a Chinese-only hall.
    func ticketSecondScript(mongolianName: String) -> SecondScript? {
        guard let language = languages.others.first, let catalog = catalog(language) else { return nil }
        return SecondScript(
            wording: TicketWording(catalog: catalog), centerName: language == .mn && !mongolianName.isEmpty ? mongolianName : nil,
            first: languages.precedesChinese(language))
    }
}
