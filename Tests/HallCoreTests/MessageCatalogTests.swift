import Foundation
import HallCore
import HallTestSupport
import Testing

/// The residents' message catalogs under data/i18n and the language setting.
@Suite("Message catalogs")
struct MessageCatalogTests {
    static func shipped(_ language: ResidentLanguage) throws -> MessageCatalog {
        try MessageCatalog(language: language, json: try Data(contentsOf: PackagePaths.url("data/i18n/\(language.rawValue).json")))
    }

    @Test("every key of the Chinese catalog is in every other, with the same placeholders, in its own script")
    func catalogsAreComplete() throws {
        let chinese = try Self.shipped(.zh)
        #expect(chinese.entries.count >= 7)
        #expect(CatalogCheck.problems(chinese, against: chinese).isEmpty)
        for language in ResidentLanguage.allCases where language != .zh {
            let catalog = try Self.shipped(language)
            #expect(Set(catalog.entries.keys) == Set(chinese.entries.keys), "\(language)")
            #expect(CatalogCheck.problems(catalog, against: chinese).isEmpty, "\(CatalogCheck.problems(catalog, against: chinese))")
        }
    }

    @Test("the Mongolian drafts ship marked as not reviewed, the Chinese as reviewed")
    func reviewMarks() throws {
        #expect(try Self.shipped(.mn).entries.values.allSatisfy { !$0.reviewed })
        #expect(try Self.shipped(.zh).entries.values.allSatisfy(\.reviewed))
    }

    @Test("the check finds a missing key, a lost placeholder, Chinese in Mongolian and an empty text")
    func checkFindsProblems() throws {
        let chinese = MessageCatalog(
            language: .zh,
            entries: ["a": .init(text: "前面还有 {count} 人", reviewed: true), "b": .init(text: "号", reviewed: true),
                      "c": .init(text: "窗口", reviewed: true), "d": .init(text: "请", reviewed: true)])
        let mongolian = MessageCatalog(
            language: .mn,
            entries: ["a": .init(text: "\u{1821}\u{182E}\u{1826}\u{1828}", reviewed: false),
                      "b": .init(text: "\u{1833}\u{1824} 号", reviewed: false), "c": .init(text: " ", reviewed: false)])
        let problems = CatalogCheck.problems(mongolian, against: chinese)
        #expect(problems.contains(.placeholdersDiffer(key: "a", language: .mn)))
        #expect(problems.contains(.foreignCharacters(key: "b", language: .mn, scalar: "U+53F7")))
        #expect(problems.contains(.emptyText("c")))
        #expect(problems.contains(.unknownKey("d")))
        #expect(problems.count == 4)
    }

    @Test("placeholders are filled; a corrected entry replaces the shipped one and exports back")
    func fillAndCorrect() throws {
        var catalog = try Self.shipped(.zh)
        #expect(catalog.text("ticket.peopleAhead", ["count": "3"]) == "前面还有 3 人等候")
        #expect(catalog.text("no.such.key") == nil)
        catalog.set("ticket.yourNumber", .init(text: "您的号", reviewed: true))
        let exported = try MessageCatalog(language: .zh, json: try catalog.json())
        #expect(exported == catalog)
        #expect(exported.text("ticket.yourNumber") == "您的号")
    }

    @Test("languages: Chinese only by default; Mongolian first in a bilingual hall; bad lists refused")
    func languageLists() throws {
        let chineseOnly = try ResidentLanguages(codes: ["zh"])
        #expect(chineseOnly.ordered == [.zh])
        #expect(!chineseOnly.isBilingual)
        let bilingual = try ResidentLanguages(codes: ["mn", "zh"])
        #expect(bilingual.isBilingual && bilingual.others == [.mn] && bilingual.precedesChinese(.mn))
        #expect(try !ResidentLanguages(codes: ["zh", "mn"]).precedesChinese(.mn))
        #expect(throws: LanguageError.chineseMissing) { try ResidentLanguages(codes: ["mn"]) }
        #expect(throws: LanguageError.repeatedLanguage("zh")) { try ResidentLanguages(codes: ["zh", "zh"]) }
        #expect(throws: LanguageError.unknownLanguage("en")) { try ResidentLanguages(codes: ["zh", "en"]) }
    }
}
