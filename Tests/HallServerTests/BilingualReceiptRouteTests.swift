import Foundation
import HallCore
import HallEmulators
import HallPrinter
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HallServer

/// A bilingual hall's home-visit receipts and wait slips through the routes that print them: the
/// bytes reach the emulated printers over their real transports (TCP, a pty), are decoded there,
/// and every fixed line has its Mongolian image right above it, within the paper.
@Suite("Bilingual receipts and wait slips printed", .serialized)
struct BilingualReceiptRouteTests {
    /// Checks that each of `chinese` (a line's start) has an image right above it, no wider than
    /// `widthDots`, and keeps the printout as a PNG.
    static func check(_ receipt: PrintedReceipt, _ chinese: [String], widthDots: Int, png name: String) throws {
        #expect(receipt.images.count >= chinese.count, "\(name): \(receipt.images.count) images")
        for image in receipt.images {
            #expect(image.bitmap.width <= widthDots && image.bitmap.blackPixelCount > 50, "\(name)")
        }
        for line in chinese {
            let index = try #require(
                receipt.elements.firstIndex { if case .line(let l) = $0 { l.text.hasPrefix(line) } else { false } }, "\(name): \(line)")
            guard index > 0, case .image = receipt.elements[index - 1] else {
                Issue.record("\(name): no Mongolian image above '\(line)'")
                continue
            }
        }
        let png = PackagePaths.url("artifacts/screenshots/\(name).png")
        try FileManager.default.createDirectory(at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ReceiptRenderer(widthDots: widthDots).writePNG(receipt, to: png)
    }

    /// The Mongolian catalog as shipped (the test halls have no corrections).
    static func mongolian() throws -> MessageCatalog {
        try MessageCatalog(language: .mn, json: Data(contentsOf: PackagePaths.url("data/i18n/mn.json")))
    }

    /// The Chinese value printed with the field `label`: at its right, or on the lines under it when it did not fit.
    static func value(_ receipt: PrintedReceipt, _ label: String) throws -> String {
        let lines = receipt.lines.map(\.text)
        let index = try #require(lines.firstIndex { $0.hasPrefix(label) }, "\(label)")
        let rest = lines[index].dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty else { return rest }
        return lines[(index + 1)...].prefix { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    /// Checks that the image right above the field `label` is `mongolian` (the label's twin and its value's) as
    /// the layout draws it: a value left in Chinese only leaves the label's twin alone there, another image.
    static func checkTwin(_ receipt: PrintedReceipt, _ label: String, _ mongolian: String, widthDots: Int) throws {
        let index = try #require(receipt.elements.firstIndex { if case .line(let l) = $0 { l.text.hasPrefix(label) } else { false } })
        guard index > 0, case .image(let image) = receipt.elements[index - 1] else {
            Issue.record("no Mongolian image above '\(label)'")
            return
        }
        let expected = try #require(PangoTextRasterizer().paragraph(mongolian, pixelHeight: 28, maxWidth: widthDots))
        #expect(image.bitmap.height == expected.height && image.bitmap.packed == expected.packed, "\(label): not '\(mongolian)'")
    }

    static let receiptLines = [
        "上门服务回执", "乌兰陶勒盖镇便民服务中心", "回执编号", "办理事项", "申请人", "联系电话", "代理人", "上门日期", "办理情况", "办理结果",
        "上门人员", "服务费用", "如有疑问请致电", "本回执由上门服务人员现场出具",
    ]

    @Test("the home-visit receipt goes to the portable printer over TCP with its Mongolian lines; 80 mm bytes too")
    func visitReceipt() async throws {
        let printer = VirtualPrinter(paperWidthDots: 384, charactersPerLine: 32)
        let tcp = try VirtualPrinterTCPServer(printer: printer, port: 0, tearOffAfterIdle: 0.3)
        defer { tcp.stop() }
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") {
            WordingAPITests.bilingual(&$0)
            $0.appointments.receiptPrinter = .init(transport: .tcp, address: "127.0.0.1:\(tcp.port)", profile: "portable-58mm")
        }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            DefaultTokens.set(try await client.clerkToken("wang.fang"), for: client.port)
            let answer = try await VisitReceiptFlow.issue(client, hall: hall, finished: true)
            #expect(answer.print.status == "printed", "\(answer.print.message)")
            try await eventually { printer.receipts.count == 1 }
            let receipt = try #require(printer.receipts.first)
            #expect(receipt.lines.allSatisfy { $0.columns <= 32 })
            try Self.check(receipt, Self.receiptLines, widthDots: 384, png: "visit-receipt-mn-zh-portable-58mm")
            // The download for another paper width, decoded by the same decoder.
            let (status, _, bytes) = try await client.bytes("/api/visits/\(answer.visit.number)/receipt?profile=generic-80mm")
            #expect(status == .ok)
            var decoder = EscPosDecoder()
            let cut = decoder.feed(Array(bytes)).compactMap { if case .receiptCut(let r) = $0 { r } else { nil } }
            let wide = try #require(cut.first)
            try Self.check(wide, Self.receiptLines, widthDots: PrinterProfile.generic80mm.printableDots, png: "visit-receipt-mn-zh-generic-80mm")
            // An open case: the result's wording and its deadline (2026.10.05 in the Mongolian line) twinned too.
            let open = try await VisitReceiptFlow.issue(client, hall: hall, finished: false)
            #expect(open.print.status == "printed", "\(open.print.message)")
            try await eventually { printer.receipts.count == 2 }
            let second = try #require(printer.receipts.last)
            let result = try Self.value(second, "办理结果")
            let deadline = try #require(result.firstMatch(of: /(\d{4})-(\d{2})-(\d{2})前办结/), "\(result)")
            #expect(result == "未办结，\(deadline.1)-\(deadline.2)-\(deadline.3)前办结")
            let mn = try Self.mongolian()
            let twin = try #require(mn.text("receipt.result")) + " "
                + (try #require(mn.text("receipt.value.unfinishedBy", ["date": "\(deadline.1).\(deadline.2).\(deadline.3)"])))
            try Self.checkTwin(second, "办理结果", twin, widthDots: 384)
            try Self.check(second, Self.receiptLines.filter { $0 != "代理人" } + ["待办事项"], widthDots: 384, png: "visit-receipt-mn-zh-open-portable-58mm")
        }
    }

    @Test("the wait slip comes out of the emulated ticket printer (pty) with its Mongolian lines")
    func waitSlip() async throws {
        let serviceMn = "ᠢᠷᠭᠡᠨ ᠬᠡᠷᠡᠭ"  // the service's Mongolian name, as a bilingual hall configures it
        let hall = try ExtendedHoursAPITests.hallWithEmulatedTicketPrinter("2026-11-25") { c in
            WordingAPITests.bilingual(&c)
            if let index = c.services.firstIndex(where: { $0.name == "民政残联" }) { c.services[index].mongolianName = serviceMn }
        }
        defer { hall.remove() }
        let printer = try #require(hall.demo.printer)
        let background = Task { await hall.server.devices.run() }
        defer { background.cancel() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.staffToken("clerk3", roles: [.clerk])
            hall.clock.set(ExtendedHoursAPITests.at("2026-11-25", "17:15"))
            for _ in 0..<3 { _ = try await client.send(.post, "/api/tickets", #"{"service":"民政残联"}"#, token: TestCredentials.kiosk) }
            let before = printer.receipts.count
            let (status, body) = try await client.send(.post, "/api/extended/slips", #"{"ticket":"c003"}"#, token: clerk)
            #expect(status == .ok, "\(body)")
            try await eventually { printer.receipts.count > before }
            let receipt = try #require(printer.receipts.last)
            #expect(receipt.lines.contains { $0.text.contains("C003") })
            #expect(receipt.lines.allSatisfy { $0.columns <= printer.charactersPerLine })
            try Self.check(
                receipt,
                [
                    "等候告知单", "号码", "业务", "前面等候", "预计等候", "预计叫号", "今日下班", "打印时间", "延时服务不收取任何费用。", "是否继续等候",
                    "可告知工作人员", "办结后告知您结果。", "咨询电话",
                ], widthDots: printer.paperWidthDots, png: "wait-slip-mn-zh-\(printer.paperWidthDots)dots")
            // The values' wording: 2 人, 约 N 分钟 (or 即将叫号), 约 17:40 with their Mongolian in the labels' images.
            let mn = try Self.mongolian()
            func twin(_ label: String, _ value: String, _ values: [String: String] = [:]) throws -> String {
                try #require(mn.text(label)) + " " + (try #require(mn.text(value, values)))
            }
            let people = try Self.value(receipt, "前面等候"), wait = try Self.value(receipt, "预计等候")
            let call = try Self.value(receipt, "预计叫号")
            let count = try #require(people.firstMatch(of: /^(\d+) 人$/)?.1, "\(people)")
            let time = try #require(call.firstMatch(of: /^约 (\d{2}:\d{2})$/)?.1, "\(call)")
            func minutes() throws -> String { String(try #require(wait.firstMatch(of: /^约 (\d+) 分钟$/)?.1, "\(wait)")) }
            let waitTwin =
                wait == "即将叫号"
                ? try twin("slip.estimatedWait", "slip.value.soon")
                : try twin("slip.estimatedWait", "slip.value.aboutMinutes", ["minutes": try minutes()])
            let width = printer.paperWidthDots
            try Self.checkTwin(receipt, "前面等候", try twin("slip.peopleAhead", "slip.value.people", ["count": String(count)]), widthDots: width)
            try Self.checkTwin(receipt, "预计等候", waitTwin, widthDots: width)
            try Self.checkTwin(receipt, "预计叫号", try twin("slip.expectedCall", "slip.value.aboutTime", ["time": String(time)]), widthDots: width)
            try Self.checkTwin(receipt, "业务", try #require(mn.text("slip.service")) + " " + serviceMn, widthDots: width)
        }
    }

    @Test("the Chinese catalog's receipt and slip lines are those printed (zh.json and the code agree)")
    func chineseCatalogAgrees() throws {
        let data = try Data(contentsOf: PackagePaths.url("data/i18n/zh.json"))
        let zh = try MessageCatalog(language: .zh, json: data)
        let keys = zh.entries.keys.filter { $0.hasPrefix("receipt.") || $0.hasPrefix("slip.") }
        #expect(Set(keys) == Set(ReceiptWording.chinese.keys))
        for (key, text) in ReceiptWording.chinese { #expect(zh.text(key) == text, "\(key)") }
    }
}
