import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The appointment confirmation and the home-visit plan as the routes produce them, in a
/// Chinese-only hall (text unchanged against recordings) and in a bilingual one.
@Suite("Appointment confirmations and visit plans in the hall's languages", .serialized)
struct AppointmentDocumentLanguageTests {
    /// The two PDFs a hall produces for one booking and one approved visit, and the booking's
    /// (random) code.
    struct Documents: Sendable {
        var confirmation: Data
        var plan: Data
        var code: String
    }

    static func documents(_ adjust: @escaping (inout HallConfiguration) -> Void = { _ in }) async throws -> Documents {
        let hall = try IntakeTestHall.appointments(at: "2026-09-24", adjust)
        defer { hall.remove() }
        return try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            DefaultTokens.set(clerk, for: client.port)
            let slot = try await client.openSlot("2026-10-03", capacity: 2, staff: ["wang.fang"], token: head)
            let booked = try await client.bookSlot(slot.slot.id, token: clerk)
            let (confirmationStatus, _, confirmation) = try await client.bytes(booked.confirmationURL)
            #expect(confirmationStatus == .ok)
            let visit = try await client.approveVisit(try await client.requestVisit(day: "2026-09-29", token: clerk), token: head)
            let (planStatus, _, plan) = try await client.bytes("/api/visits/\(visit.number)/plan")
            #expect(planStatus == .ok)
            return Documents(confirmation: confirmation, plan: plan, code: booked.appointment.code)
        }
    }

    /// `pdftotext -layout` of `pdf` (in reading order without `layout`).
    static func layoutText(_ pdf: Data, layout: Bool = true) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hall-appointment-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ExternalTool.run("pdftotext", (layout ? ["-layout"] : []) + ["-enc", "UTF-8", file.path, "-"])
        #expect(result.status == 0)
        return result.output
    }

    /// The recordings (HallDocumentsTests/Fixtures/appointment-zh-*.txt) were made from the routes before the documents'
    /// wording came from the catalogs (`HALL_DOCUMENT_PREVIEW_DIR` set, the same text written there);
    /// the booking code, random, reads `######`.
    @Test("a Chinese-only hall's confirmation and visit plan read exactly as their recordings")
    func chineseTextUnchanged() async throws {
        let documents = try await Self.documents()
        let texts = [
            "confirmation": try Self.layoutText(documents.confirmation).replacingOccurrences(of: documents.code, with: "######"),
            "plan": try Self.layoutText(documents.plan),
        ]
        if let dir = ProcessInfo.processInfo.environment["HALL_DOCUMENT_PREVIEW_DIR"] {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for (name, text) in texts { try text.write(toFile: "\(dir)/appointment-zh-\(name).txt", atomically: true, encoding: .utf8) }
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let recorded = try String(
                contentsOf: PackagePaths.url("Tests/HallDocumentsTests/Fixtures/appointment-zh-\(name).txt"), encoding: .utf8)
            #expect(text == recorded, "\(name) differs from its recording")
        }
    }

    /// Whether `name` (confirmation or plan) prints the catalog key: all of its own, and the shared ones it uses.
    static func printed(_ key: String, in name: String) -> Bool {
        let columns = ["index", "material", "form", "count", "remarks"].map { "doc.column.\($0)" }
        let shared = name == "plan" ? ["doc.label.applicant"] + ["phone", "item", "request"].map { "doc.appointment.label.\($0)" } : []
        return key.hasPrefix(name == "plan" ? "doc.visit." : "doc.appointment.") || key == "doc.footer.page"
            || columns.contains(key) || shared.contains(key)
    }

    @Test("a bilingual hall's confirmation and visit plan print each Mongolian string, before its Chinese")
    func mongolianBeforeChinese() async throws {
        let documents = try await Self.documents(WordingAPITests.bilingual)
        let data = PackagePaths.url("data")
        let mongolian = try MessageCatalog(language: .mn, json: Data(contentsOf: data.appendingPathComponent("i18n/mn.json")))
        let chinese = try MessageCatalog(language: .zh, json: Data(contentsOf: data.appendingPathComponent("i18n/zh.json")))
        for (name, pdf) in [("confirmation", documents.confirmation), ("plan", documents.plan)] {
            if let dir = ProcessInfo.processInfo.environment["HALL_DOCUMENT_PREVIEW_DIR"] {
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try pdf.write(to: URL(fileURLWithPath: dir).appendingPathComponent("appointment-mn-zh-\(name).pdf"))
            }
            let text = BilingualText.letters(try Self.layoutText(pdf, layout: false))
            let keys = chinese.entries.keys.filter { Self.printed($0, in: name) }.sorted()
            #expect(keys.count >= 22, "\(name): \(keys.count) keys")
            // A header wraps at its slash (原件/复印件), and pdftotext may read its two lines apart, around the table's cells.
            func parts(_ template: String) -> [String] {
                BilingualText.fragments(template).flatMap { $0.split(separator: "/").map(String.init) }.filter { $0.count >= 2 }
            }
            for key in keys {
                let mn = try #require(mongolian.entries[key]?.text), zh = try #require(chinese.entries[key]?.text)
                for fragment in parts(mn) + parts(zh) {
                    #expect(text.contains(fragment), "\(name): \(key): '\(fragment)' not found")
                }
                // Its Chinese follows the Mongolian closely (a label's Chinese may come after its row's value).
                let mnFirst = try #require(parts(mn).first), zhFirst = try #require(parts(zh).first)
                let mnAt = try #require(text.range(of: mnFirst), "\(name): \(key)")
                #expect(text[mnAt.upperBound...].prefix(400).contains(zhFirst), "\(name): \(key): no '\(zhFirst)' after its Mongolian")
            }
            if name == "confirmation" {
                // The Mongolian check-in sentence names the center in Mongolian, not in Chinese.
                let checkIn = try #require(mongolian.entries["doc.appointment.note.checkIn"]?.text)
                #expect(text.contains(BilingualText.letters(MessageCatalog.fill(checkIn, ["center": "ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ"]))))
                #expect(!text.contains(BilingualText.letters(MessageCatalog.fill(checkIn, ["center": "乌兰陶勒盖镇便民服务中心"]))))
            }
            // The center's Mongolian name above its Chinese name, and the title's Mongolian first of all.
            let mongolianName = try #require(text.range(of: BilingualText.letters("ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ")))
            #expect(mongolianName.lowerBound < (text.range(of: "乌兰陶勒盖镇便民服务中心")?.lowerBound ?? text.startIndex))
            let title = try #require(chinese.entries[name == "plan" ? "doc.visit.title" : "doc.appointment.title"]?.text)
            let firstMongolian = try #require(text.unicodeScalars.firstIndex { (0x1820...0x1878).contains($0.value) })
            #expect(firstMongolian < (text.range(of: title)?.lowerBound ?? text.startIndex))
        }
    }

    @Test("a bilingual hall's confirmation and visit plan give weekday, 份, channel, eligibility, the materials and forms in Mongolian first")
    func valuesInBothScripts() async throws {
        let documents = try await Self.documents(WordingAPITests.bilingual)
        let data = PackagePaths.url("data")
        let mongolian = try MessageCatalog(language: .mn, json: Data(contentsOf: data.appendingPathComponent("i18n/mn.json")))
        let chinese = try MessageCatalog(language: .zh, json: Data(contentsOf: data.appendingPathComponent("i18n/zh.json")))
        // 2026-10-03 is a Saturday, 2026-09-30 a Wednesday; the booking came by phone, the visit for an elderly resident.
        let cases = [
            ("confirmation", documents.confirmation, ["weekday.6", "copies", "channel.phone"], "2026.10.03", "weekday.6"),
            ("plan", documents.plan, ["weekday.3", "copies", "eligibility.elderly"], "2026.09.30", "weekday.3"),
        ]
        let sample = try Catalog.decode(from: Data(contentsOf: data.appendingPathComponent("catalog/sample-catalog.json")))
        for (name, pdf, keys, date, weekday) in cases {
            let text = BilingualText.letters(try Self.layoutText(pdf, layout: false))
            for key in keys.map({ "doc.value.\($0)" }) {
                let mn = try #require(mongolian.entries[key]?.text), zh = try #require(chinese.entries[key]?.text)
                let mnFirst = try #require(BilingualText.fragments(mn).first)
                let zhWords = BilingualText.letters(zh.replacingOccurrences(of: "{count}", with: ""))
                let found = BilingualText.mongolian(mnFirst, isFollowedBy: zhWords, within: 80, in: text)
                #expect(found, "\(name): \(key): no '\(mnFirst)' followed by '\(zhWords)'")
            }
            // Inside the Mongolian line the date reads 2026.10.03, its weekday in Mongolian after it.
            let mnWeekday = try #require(mongolian.entries["doc.value.\(weekday)"]?.text)
            #expect(text.contains(BilingualText.letters("\(date) (\(mnWeekday))")), "\(name): no '\(date) (\(mnWeekday))'")
            // The materials (高龄津贴申请): the sample catalog's Mongolian names and the forms' words, each before its Chinese.
            let materials = try sample.item("senior-allowance").materials
            for material in materials {
                let mnName = BilingualText.letters(material.nameMn ?? "")
                #expect(mnName.count >= 2, "\(material.id)")
                let found = BilingualText.mongolian(mnName, isFollowedBy: BilingualText.letters(material.name), within: 80, in: text)
                #expect(found, "\(name): no '\(mnName)' followed by '\(material.name)'")
            }
            // The item (办理事项): the sample catalog's Mongolian name, before its Chinese.
            let item = try sample.item("senior-allowance")
            let mnItem = BilingualText.letters(try #require(item.nameMn))
            #expect(BilingualText.mongolian(mnItem, isFollowedBy: item.name, within: 80, in: text), "\(name): no '\(mnItem)' before '\(item.name)'")
            for form in Set(materials.map(\.form)) {
                let key = "doc.value.form.\(form == .originalAndCopy ? "originalAndCopy" : form.rawValue)"
                // The cell's Mongolian line ends right where its Chinese begins (the header, 原件/复印件, has a slash there).
                let words = try #require(mongolian.entries[key]?.text.split(separator: " ").last, "\(key)")
                let cell = BilingualText.letters(String(words)) + form.label
                #expect(text.contains(cell), "\(name): no '\(cell)'")
            }
        }
        // 登记日期: the day the booking was made (the test's clock), 2026.09.24 in the Mongolian line.
        let confirmation = BilingualText.letters(try Self.layoutText(documents.confirmation, layout: false))
        #expect(BilingualText.mongolian("2026.09.24", isFollowedBy: "2026年9月24日", within: 40, in: confirmation))
    }
}
