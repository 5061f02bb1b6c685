import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// A bilingual hall's notices over HTTP: the Mongolian from the catalog, with the head's correction.
@Suite("Bilingual notices over HTTP")
struct BilingualNoticeAPITests {
    /// Traditional Mongolian letters only (pdftotext may drop the variation selectors, MVS and NNBSP).
    static func letters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { (0x1820...0x1878).contains($0.value) }))
    }

    @Test("the head's correction of a notice's title is printed on the next correction notice, above the Chinese")
    func correctedTitleOnTheNotice() async throws {
        let hall = try IntakeTestHall(at: IntakeAPITests.day, WordingAPITests.bilingual)
        defer { hall.remove() }
        let corrected = "ᠨᠥᠬᠦᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠲᠤᠬᠠᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ"
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("wangfang")
            let (status, body) = try await client.send(
                .put, "/api/wording/mn/doc.correction.title", #"{"text":"\#(corrected)","reviewed":true}"#)
            #expect(status == .ok, "\(body)")
            let opened = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: IntakeAPITests.item))
            let marks =
                #"{"marks":[{"material":"id-card","status":"received"},"#
                + #"{"material":"household-register","status":"missing"}]}"#
            let answer = try await client.decode(PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review", marks)
            let notice = try #require(answer.notice)
            let (pdfStatus, _, pdf) = try await client.bytes(notice.url)
            #expect(pdfStatus == .ok)
            let text = try pdfText(pdf)
            let mongolian = Self.letters(text)
            #expect(mongolian.contains(Self.letters(corrected)))
            #expect(mongolian.contains(Self.letters("ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ")), "the center's Mongolian name")
            let title = try #require(text.range(of: "补正告知书"))
            let firstMongolian = try #require(text.unicodeScalars.firstIndex { (0x1820...0x1878).contains($0.value) })
            #expect(firstMongolian < title.lowerBound)
            #expect(text.contains("居民户口簿") && text.contains("一、需要补正的材料"))
        }
    }

    @Test("a correction notice of an item with a catalog Mongolian name prints it before its Chinese")
    func itemMongolianNameOnTheNotice() async throws {
        let hall = try IntakeTestHall(at: IntakeAPITests.day, WordingAPITests.bilingual)
        defer { hall.remove() }
        let sample = try Catalog.decode(from: Data(contentsOf: PackagePaths.url("data/catalog/sample-catalog.json")))
        let item = try sample.item("senior-allowance")
        let mongolian = BilingualText.letters(try #require(item.nameMn))
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("wangfang")
            let opened = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: item.id))
            let marks =
                #"{"marks":[{"material":"id-card","status":"received"},"#
                + #"{"material":"household-register","status":"missing"}]}"#
            let answer = try await client.decode(PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review", marks)
            let (pdfStatus, _, pdf) = try await client.bytes(try #require(answer.notice).url)
            #expect(pdfStatus == .ok)
            let text = BilingualText.letters(try pdfText(pdf))
            // The Mongolian opening sentence and the 受理编号 line name it in Mongolian, the Chinese ones in Chinese.
            #expect(text.components(separatedBy: mongolian).count - 1 == 2, "\(text)")
            let first = try #require(text.range(of: mongolian)), chinese = try #require(text.range(of: "“\(item.name)”"))
            #expect(first.lowerBound < chinese.lowerBound)
            #expect(BilingualText.mongolian(mongolian, isFollowedBy: "“\(item.name)”", within: 400, in: text))
            // The missing material's row: its catalog Mongolian name above 居民户口簿.
            let register = try #require(item.materials.first { $0.id == "household-register" })
            let registerMn = BilingualText.letters(try #require(register.nameMn))
            #expect(BilingualText.mongolian(registerMn, isFollowedBy: register.name, within: 40, in: text), "\(text)")
        }
    }
}
