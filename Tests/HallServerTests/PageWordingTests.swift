import Foundation
import HallCore
import HallTestSupport
import Testing

@testable import HallServer

/// The resident pages' wording and the message catalogs say the same: a Chinese-only page keeps
/// its own Chinese text, a bilingual page takes every language from the catalogs, so the two must
/// agree word for word, and every `page.` key of the catalogs must be used by some page.
@Suite("Resident pages and the message catalogs")
struct PageWordingTests {
    static let pages = PackagePaths.url("Sources/HallServer/Resources/public")
    static let residentFolders = ["kiosk", "screen", "t", "pad"]

    static func chinese() throws -> MessageCatalog {
        try MessageCatalog(language: .zh, json: Data(contentsOf: PackagePaths.url("data/i18n/zh.json")))
    }

    /// Every (key, Chinese text) a resident page states: `data-msg="key">text<` in the HTML, and
    /// `say("key", {…}, "text")` in the scripts.
    static func pageWording() throws -> [(file: String, key: String, text: String)] {
        let markup = try NSRegularExpression(pattern: #"data-msg="([\w.]+)">([^<]*)<"#)
        let script = try NSRegularExpression(pattern: #"say\("([\w.]+)", \{[^}]*\}, "([^"]*)"\)"#)
        var found: [(String, String, String)] = []
        for folder in residentFolders {
            let url = pages.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let pattern = name.hasSuffix(".html") ? markup : name.hasSuffix(".js") ? script : nil
                guard let pattern else { continue }
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let key = Range(match.range(at: 1), in: text), let said = Range(match.range(at: 2), in: text) else { continue }
                    found.append(("\(folder)/\(name)", String(text[key]), String(text[said])))
                }
            }
        }
        return found
    }

    @Test("each page's own Chinese equals the Chinese catalog's text of its key")
    func chineseAgrees() throws {
        let catalog = try Self.chinese()
        let wording = try Self.pageWording()
        #expect(wording.count >= 30, "found \(wording.count)")
        for (file, key, text) in wording {
            let shipped = catalog.entries[key]?.text
            #expect(shipped == text, "\(file): \(key) says “\(text)”, the catalog “\(shipped ?? "no such key")”")
        }
    }

    @Test("every page key of the catalogs is used by a resident page")
    func noUnusedKey() throws {
        let catalog = try Self.chinese()
        var sources = ""
        for folder in Self.residentFolders {
            let url = Self.pages.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
                sources += try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            }
        }
        for key in catalog.entries.keys where key.hasPrefix("page.") {
            // Rating levels are looked up by the level's name: "page.rating." + level.
            let used = sources.contains("\"\(key)\"") || (key.hasPrefix("page.rating.") && sources.contains("\"page.rating.\" + "))
            #expect(used, "\(key) is in the catalog but on no page")
        }
    }
}
