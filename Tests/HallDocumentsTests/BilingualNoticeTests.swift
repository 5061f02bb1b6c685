import Foundation
import HallCore
import HallDocuments
import HallTestSupport
import Testing

/// Notices in a bilingual hall: every fixed string in Mongolian (horizontal, Noto Sans Mongolian)
/// above its Chinese at the same size, the Mongolian kept as text that pdftotext reads back.
@Suite("Bilingual notices")
struct BilingualNoticeTests {
    static let names = ["acceptance-short", "acceptance-long", "correction-short", "correction-long"]

    static func catalog(_ language: ResidentLanguage) throws -> MessageCatalog {
        try MessageCatalog(language: language, json: Data(contentsOf: PackagePaths.url("data/i18n/\(language.rawValue).json")))
    }

    /// The shipped catalogs' `doc.*` wording, Mongolian first.
    static func wording() throws -> DocumentWording {
        DocumentWording(
            languages: try [ResidentLanguage.mn, .zh].map { language in
                DocumentWording.Language(
                    code: language.rawValue,
                    texts: try catalog(language).entries.filter { $0.key.hasPrefix("doc.") }.mapValues(\.text))
            })
    }

    /// The notice `name` in both scripts; `itemNameMn` the item's Mongolian name (none by default).
    static func document(_ name: String, itemNameMn: String? = nil) throws -> any PDFDocumentContent {
        let wording = try wording()
        let mongolianName = "ᠰᠢᠨ᠎ᠡ ᠹᠠ ᠪᠠᠯᠭᠠᠰᠤ ᠤ ᠠᠳᠤᠯᠢ ᠲᠥᠪ"
        if name.hasPrefix("acceptance") {
            var notice = name == "acceptance-long" ? NoticeFixtures.longAcceptance : NoticeFixtures.acceptance
            notice.wording = wording
            notice.center.mongolianName = mongolianName
            notice.itemNameMn = itemNameMn
            return notice
        }
        var notice = name == "correction-long" ? NoticeFixtures.longCorrection : NoticeFixtures.correction
        notice.wording = wording
        notice.center.mongolianName = mongolianName
        notice.itemNameMn = itemNameMn
        return notice
    }

    /// The keys a notice prints (a person's notice: not the enterprise's opening; the footer is
    /// checked page by page).
    static func printed(_ key: String, in name: String) -> Bool {
        let acceptance = name.hasPrefix("acceptance")
        let columns = acceptance ? ["index", "material", "form", "count"] : ["index", "material", "problem", "reason"]
        guard !key.hasSuffix(".intro.enterprise") else { return false }
        return key.hasPrefix(acceptance ? "doc.acceptance." : "doc.correction.") || key.hasPrefix("doc.notice.")
            || columns.contains { key == "doc.column.\($0)" }
            || (acceptance && (key.hasPrefix("doc.label.") || key == "doc.table.total"))
    }

    /// The letters pdftotext reads in `document` (`BilingualText.letters`), rendered as `file`.
    static func text(_ document: any PDFDocumentContent, _ file: String) throws -> String {
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: try document.renderPDF(), in: scratch, name: file)
        return BilingualText.letters(try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.pdf.path, "-"]).output)
    }

    @Test("pdftotext finds each Mongolian string of the notice, before its Chinese", arguments: names)
    func mongolianAboveChinese(name: String) throws {
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: try Self.document(name).renderPDF(), in: scratch, name: "\(name)-mn-zh.pdf")
        let result = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.pdf.path, "-"])
        #expect(result.status == 0)
        var text = BilingualText.letters(result.output)
        #expect(text.unicodeScalars.contains { (0x1820...0x1878).contains($0.value) })
        // The page footers (in both scripts) may fall between a line's parts in reading order.
        let pages = try #require(try pdf.pageCount())
        let wording = try Self.wording()
        for page in 1...pages {
            for language in wording.languages {
                let values = ["page": "\(page)", "total": "\(pages)"]
                let footer = BilingualText.letters(MessageCatalog.fill(language.texts["doc.footer.page"] ?? "", values))
                #expect(text.contains(footer), "\(name): footer \(footer)")
                text = text.replacingOccurrences(of: footer, with: "")
            }
        }
        let mongolian = try Self.catalog(.mn), chinese = try Self.catalog(.zh)
        let keys = chinese.entries.keys.filter { Self.printed($0, in: name) }.sorted()
        #expect(keys.count >= (name.hasPrefix("acceptance") ? 25 : 15))
        for key in keys {
            let mn = try #require(mongolian.entries[key]?.text), zh = try #require(chinese.entries[key]?.text)
            for fragment in BilingualText.fragments(mn) + BilingualText.fragments(zh) {
                #expect(text.contains(fragment), "\(name): \(key): '\(fragment)' not found")
            }
            // Its Chinese follows the Mongolian closely (a label's Chinese may come after the values
            // of its row in pdftotext's reading order).
            if let first = BilingualText.fragments(mn).first, let chineseFirst = BilingualText.fragments(zh).first,
                let mnAt = text.range(of: first)
            {
                let window = text[mnAt.upperBound...].prefix(400)
                #expect(window.contains(chineseFirst), "\(name): \(key): no '\(chineseFirst)' right after its Mongolian")
            }
        }
        #expect(text.contains(NoticeFixtures.center.name) || text.contains("乌兰陶勒盖镇便民服务中心"))
        #expect(text.contains(BilingualText.letters("ᠰᠢᠨ᠎ᠡ ᠹᠠ ᠪᠠᠯᠭᠠᠰᠤ ᠤ ᠠᠳᠤᠯᠢ ᠲᠥᠪ")))
    }

    @Test(
        "fixed values (form, reason, delivery, time limit, copies) carry their Mongolian first",
        arguments: ["acceptance-short", "correction-short"])
    func valuesInBothScripts(name: String) throws {
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: try Self.document(name).renderPDF(), in: scratch, name: "\(name)-values.pdf")
        let text = BilingualText.letters(try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.pdf.path, "-"]).output)
        let keys =
            name.hasPrefix("acceptance")
            ? ["form.original", "form.copy", "form.originalAndCopy", "copies", "timeLimit", "delivery.post"]
            : ["problem.missing", "problem.defective"]
        let mongolian = try Self.catalog(.mn), chinese = try Self.catalog(.zh)
        for key in keys.map({ "doc.value.\($0)" }) {
            let mn = try #require(mongolian.entries[key]?.text), zh = try #require(chinese.entries[key]?.text)
            // The fixed words (份 alone is one character); the same Mongolian may also stand in a sentence.
            let mnFirst = try #require(BilingualText.fragments(mn).first)
            let fixedParts = zh.components(separatedBy: CharacterSet(charactersIn: "{}")).enumerated().filter { $0.offset % 2 == 0 }
            let zhWords = try #require(fixedParts.map { BilingualText.letters($0.element) }.first { !$0.isEmpty })
            let found = BilingualText.mongolian(mnFirst, isFollowedBy: zhWords, within: 80, in: text)
            #expect(found, "\(name): \(key): no '\(mnFirst)' followed by '\(zhWords)'")
            if !zh.contains("{") {
                // A word alone in its cell: its Mongolian line, then its Chinese one (the header 原件/复印件 is not it).
                #expect(
                    text.contains(BilingualText.letters(mn) + BilingualText.letters(zh)),
                    "\(name): \(key) not Mongolian then Chinese in one cell")
            }
        }
        if name.hasPrefix("acceptance") {
            let day = NoticeFixtures.acceptance.promisedCompletionDate
            #expect(text.contains("新发镇幸福村二组12号") && text.contains(String(format: "%d.%02d.%02d", day.year, day.month, day.day)))
        }
    }

    /// Not one sheet yet: said twice, a notice takes two pages even at `PageFit`'s smallest scale.
    @Test("a bilingual notice takes at most two pages, the QR code and the seal together on the last", arguments: names)
    func twoPagesAtMost(name: String) throws {
        let document = try Self.document(name)
        let scratch = try ScratchDirectory()
        let pdf = try PDFReadBack(data: try document.renderPDF(), in: scratch, name: "\(name)-fit.pdf")
        let pages = try #require(try pdf.pageCount())
        #expect(pages <= 2)
        let last = try pdf.lines(page: pages).joined()
        #expect(last.contains("（盖章）") && last.contains("扫码查询办理进度"), "QR and seal travel together")
        #expect(try pdf.qrPayloads().count == 1)
        print("bilingual \(name): \(pages) pages at scale \(try document.fittingScale())")
    }

    @Test("the built-in Chinese wording is the Chinese catalog's doc.* keys, word for word")
    func builtInChineseIsTheCatalog() throws {
        let catalog = try Self.catalog(.zh).entries.filter { $0.key.hasPrefix("doc.") }.mapValues(\.text)
        #expect(catalog.count >= 40)
        #expect(DocumentWording.chinese.languages.map(\.code) == ["zh"])
        #expect(DocumentWording.chinese.languages.first?.texts == catalog)
    }

    @Test("a corrected string is printed; a language lacking a key leaves only that line out")
    func correctedWordingIsPrinted() throws {
        var wording = try Self.wording()
        let corrected = "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ"
        wording.languages[0].texts["doc.acceptance.title"] = corrected
        wording.languages[0].texts["doc.notice.free"] = nil
        var notice = NoticeFixtures.acceptance
        notice.wording = wording
        let scratch = try ScratchDirectory()
        let result = try ExternalTool.run(
            "pdftotext", ["-enc", "UTF-8", try PDFReadBack(data: notice.renderPDF(), in: scratch).pdf.path, "-"])
        let text = BilingualText.letters(result.output)
        #expect(text.contains(BilingualText.letters(corrected)))
        #expect(text.contains("本事项办理不收取任何费用。"))
        let shippedFree = try #require(try Self.catalog(.mn).entries["doc.notice.free"]?.text)
        #expect(!text.contains(BilingualText.letters(shippedFree)))
    }

    @Test(
        "the item's Mongolian name stands before its Chinese: beside 办理事项 and in the Mongolian sentences",
        arguments: ["acceptance-short", "correction-short"])
    func itemNameInBothScripts(name: String) throws {
        let itemMn = "ᠬᠤᠪᠢ ᠶᠢᠨ ᠠᠵᠤ ᠠᠬᠤᠢ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ"
        let acceptance = name.hasPrefix("acceptance")
        let zh = acceptance ? NoticeFixtures.acceptance.itemName : NoticeFixtures.correction.itemName
        func count(_ part: String, in text: String) -> Int { text.components(separatedBy: part).count - 1 }
        let named = try Self.text(Self.document(name, itemNameMn: itemMn), "\(name)-item.pdf")
        let plain = try Self.text(Self.document(name), "\(name)-plain.pdf")
        let mn = BilingualText.letters(itemMn)
        // Acceptance: the opening sentence and 办理事项; correction: the opening sentence and the 受理编号 line.
        #expect(count(mn, in: named) == 2, "\(name)")
        #expect(count(mn, in: plain) == 0)
        // Without it the Mongolian sentences name the item in Chinese, with it they do not.
        #expect(count(zh, in: named) == count(zh, in: plain) - (acceptance ? 1 : 2), "\(name)")
        let first = try #require(named.range(of: mn)), firstChinese = try #require(named.range(of: zh))
        #expect(first.lowerBound < firstChinese.lowerBound)
        #expect(BilingualText.mongolian(mn, isFollowedBy: zh, within: 400, in: named))
        if acceptance {
            // 办理事项's value: the Mongolian line, then the Chinese one.
            #expect(BilingualText.mongolian(mn, isFollowedBy: zh, within: 40, in: named), "\(named)")
        }
        // A Chinese-only notice prints no Mongolian name and reads as before.
        var chinese = NoticeFixtures.acceptance
        chinese.itemNameMn = itemMn
        #expect(try Self.text(chinese, "zh-item.pdf") == Self.text(NoticeFixtures.acceptance, "zh-plain.pdf"))
    }

    @Test("a material's Mongolian name stands above its Chinese in the notice's table", arguments: ["acceptance-short", "correction-short"])
    func materialNameInBothScripts(name: String) throws {
        let materialMn = "ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ"
        let document = try Self.document(name)
        let zh: String
        var named: any PDFDocumentContent, chinese: any PDFDocumentContent
        if var notice = document as? AcceptanceNotice {
            zh = try #require(notice.materials.first).name
            notice.materials[0].nameMn = materialMn
            named = notice
            var plain = NoticeFixtures.acceptance
            plain.materials[0].nameMn = materialMn
            chinese = plain
        } else {
            var notice = try #require(document as? CorrectionNotice)
            zh = try #require(notice.corrections.first).materialName
            notice.corrections[0].materialNameMn = materialMn
            named = notice
            var plain = NoticeFixtures.correction
            plain.corrections[0].materialNameMn = materialMn
            chinese = plain
        }
        let mn = BilingualText.letters(materialMn)
        let printed = try Self.text(named, "\(name)-material.pdf")
        #expect(printed.components(separatedBy: mn).count - 1 == 1, "\(printed)")
        #expect(BilingualText.mongolian(mn, isFollowedBy: zh, within: 40, in: printed), "\(printed)")
        #expect(!(try Self.text(Self.document(name), "\(name)-plain.pdf")).contains(mn))
        // A Chinese-only notice prints no Mongolian name and reads as before.
        let fixture: any PDFDocumentContent = name.hasPrefix("acceptance") ? NoticeFixtures.acceptance : NoticeFixtures.correction
        #expect(try Self.text(chinese, "zh-material.pdf") == Self.text(fixture, "zh-plain.pdf"))
    }
}
