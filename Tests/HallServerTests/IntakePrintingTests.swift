import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Notices printed through libcups to a real IPP printer (`ippeveprinter`, started by the test).
@Suite("Intake notices printed through CUPS", .serialized)
struct IntakePrintingTests {
    static let materials = ["id-card", "household-register", "application", "photo", "bank-card"]

    /// 最低生活保障申请: the sample catalog's longest list of materials.
    static let longItemMaterials = [
        "id-card", "household-register", "application", "authorisation", "income-proof", "illness-proof", "bank-card",
    ]

    @Test("the acceptance notice arrives in the printer's spool and reads back in Chinese")
    func printsAcceptance() async throws {
        let printer = try CupsTestPrinter()
        defer { printer.stop() }
        let hall = try IntakeTestHall(at: "2026-03-10") { $0.officePrinter = OfficePrinter(destination: printer.uri, jobTimeoutSeconds: 30) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            let opened = try await client.decode(
                Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: "minimum-living-allowance"))
            let answer = try await client.decode(
                PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review",
                IntakeTestHall.received(Self.longItemMaterials))
            let number = try #require(answer.case.number)
            let notice = try #require(answer.notice)
            #expect(notice.print.status == "printed" && notice.print.jobID != nil && notice.print.message == nil)
            let spooled = printer.spooledFiles()
            #expect(spooled.count == 1)
            let text = try pdfText(file: try #require(spooled.first))
            for expected in ["受理通知书", number, "最低生活保障申请", "张三丰", "乌兰陶勒盖镇便民服务中心"] {
                #expect(text.contains(expected), "printed notice lacks \(expected)")
            }
            // One A4 sheet: the QR code's caption and link and the seal on page 1.
            let file = try #require(spooled.first)
            let info = try ExternalTool.run("pdfinfo", [file.path]).output
            #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
            let page1 = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", file.path, "-"]).output
                .filter { !$0.isWhitespace }
            for expected in ["扫码查询办理进度", "/api/cases/\(number)/status?k=", "乌兰陶勒盖镇便民服务中心（盖章）", "日期：＿＿＿＿年＿＿月＿＿日"] {
                #expect(page1.contains(expected), "page 1 lacks \(expected)")
            }
            let detail = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(number)")
            #expect(detail.notices.map(\.printStatus) == ["printed"])
        }
    }

    @Test("a failed print is reported, the case stays accepted, and a retry prints once the printer is back")
    func failedPrintThenRetry() async throws {
        let port = try CupsTestPrinter.freePort()
        let uri = "ipp://localhost:\(port)/ipp/print"
        let hall = try IntakeTestHall(at: "2026-03-10") { $0.officePrinter = OfficePrinter(destination: uri, jobTimeoutSeconds: 20) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            let opened = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: "senior-allowance"))
            let (status, body) = try await client.send(.post, "/api/cases/\(opened.id)/pre-review", IntakeTestHall.received(Self.materials))
            #expect(status == .ok, "\(body)")
            let answer = try HallJSON.decoder().decode(PreReviewAnswer.self, from: Data(body.utf8))
            let number = try #require(answer.case.number)
            #expect(answer.outcome == "accepted" && answer.case.state == .inReview)
            let notice = try #require(answer.notice)
            #expect(notice.print.status == "failed")
            #expect(notice.print.message?.isEmpty == false)

            // The case and the PDF are kept regardless.
            let detail = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(number)")
            #expect(detail.case.state == .inReview && detail.notices.first?.printStatus == "failed")
            #expect(detail.notices.first?.printError?.isEmpty == false)
            #expect(try await client.bytes(notice.url).0 == .ok)

            // Still nothing there: the retry reports the failure again.
            let again = try await client.decode(PreReviewAnswer.Notice.self, .post, "/api/cases/\(number)/notices/acceptance/print")
            #expect(again.print.status == "failed")

            // The printer comes up where it was configured: the retry prints.
            let printer = try CupsTestPrinter(port: port)
            defer { printer.stop() }
            let retried = try await client.decode(PreReviewAnswer.Notice.self, .post, "/api/cases/\(number)/notices/acceptance/print")
            #expect(retried.print.status == "printed")
            let spooled = try #require(printer.spooledFiles().first)
            #expect(try pdfText(file: spooled).contains(number))
            let after = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(number)")
            #expect(after.notices.map(\.printStatus) == ["printed"] && after.notices.first?.printError == nil)
        }
    }
}
