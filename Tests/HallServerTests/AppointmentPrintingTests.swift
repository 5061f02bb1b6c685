import Foundation
import HallCore
import HallEmulators
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Appointment confirmations and visit plans printed through libcups to a real IPP printer
/// (ippeveprinter), and home-visit receipts printed in ESC/POS on the virtual portable printer over
/// TCP and over a pty, read back decoded.
@Suite("Appointment documents and visit receipts printed", .serialized)
struct AppointmentPrintingTests {
    @Test("the booking confirmation and the home-visit plan come out of the office printer and read back in Chinese")
    func officeDocuments() async throws {
        let printer = try CupsTestPrinter()
        defer { printer.stop() }
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") {
            $0.officePrinter = OfficePrinter(destination: printer.uri, jobTimeoutSeconds: 30)
        }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            // Saturday 2026-10-03 is inside 国庆节; booked on Thursday 09-24 (earliest: Tue 09-29).
            let slot = try await client.openSlot("2026-10-03", token: head)
            #expect(slot.slot.holidayName == "国庆节")
            let booked = try await client.bookSlot(slot.slot.id, token: clerk)
            let (status, body) = try await client.send(.post, "/api/appointments/\(booked.appointment.id)/confirmation/print", token: clerk)
            #expect(status == .ok && body.contains(#""status":"printed""#), "\(body)")
            let first = try #require(printer.spooledFiles().first)
            let text = try pdfText(file: first)
            for expected in [
                "预约服务确认单", booked.appointment.code, "2026年10月3日（星期六）09:00–11:30", "高龄津贴申请", "居民户口簿",
                "乌兰陶勒盖镇便民服务中心", "0477-7552004",
            ] {
                #expect(text.contains(expected), "printed confirmation lacks \(expected)")
            }

            let visit = try await client.requestVisit(day: "2026-09-29", token: clerk)
            _ = try await client.approveVisit(visit, token: head)
            let (planStatus, planBody) = try await client.send(.post, "/api/visits/\(visit.number)/plan/print", token: clerk)
            #expect(planStatus == .ok && planBody.contains(#""status":"printed""#), "\(planBody)")
            try await eventually { printer.spooledFiles().count == 2 }
            let plan = try #require(printer.spooledFiles().first { $0 != first })
            let planText = try pdfText(file: plan)
            for expected in ["上门服务确认单", visit.number, "2026年9月30日", "巴音敖包嘎查3组", "老年人优待证", "上门人员"] {
                #expect(planText.contains(expected), "printed plan lacks \(expected)")
            }
        }
    }

    @Test("a receipt goes to the portable printer over TCP; while it is away the receipt is kept and printed when it is back")
    func receiptOverTCP() async throws {
        let printer = VirtualPrinter(paperWidthDots: 384, charactersPerLine: 32)
        let endpoint = EndpointBox(try VirtualPrinterTCPServer(printer: printer, port: 0, tearOffAfterIdle: 0.3))
        let port = endpoint.server.port
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") {
            $0.appointments.receiptPrinter = .init(transport: .tcp, address: "127.0.0.1:\(port)", profile: "portable-58mm")
        }
        defer { hall.remove(); endpoint.server.stop() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            _ = try await client.clerkToken("wang.fang")
            let answer = try await VisitReceiptFlow.issue(client, hall: hall, finished: false)
            #expect(answer.print.status == "printed", "\(answer.print.message)")
            try await eventually { printer.receipts.count == 1 }
            let receipt = try #require(printer.receipts.first)
            let text = receipt.lines.map(\.text).joined(separator: "\n")
            for expected in [
                "上门服务回执", "\(answer.visit.number)-1", "李*英", "王*明（儿子）", "未办结，2026-10-10前办结", "待民政所审核发放",
                "不收费", "0477-7552004",
            ] {
                #expect(text.contains(expected), "printed receipt lacks \(expected): \(text)")
            }
            #expect(!text.contains("李秀英") && !text.contains("13904771234"))
            #expect(receipt.lines.allSatisfy { $0.columns <= 32 })

            // The printer goes away (Bluetooth out of range): the receipt is kept, then printed when it is back.
            endpoint.server.stop()
            let (status, body) = try await client.send(
                .post, "/api/visits/\(answer.visit.number)/receipt",
                token: try await client.signIn("wang.fang", TestCredentials.staffPassword))
            #expect(status == .created && body.contains(#""status":"queued""#), "\(body)")
            let spooler = try #require(hall.server.homeVisits.receipts.spooler)
            #expect(await spooler.pendingJobs().count == 1)
            endpoint.server = try VirtualPrinterTCPServer(printer: printer, port: port, tearOffAfterIdle: 0.3)
            #expect(await spooler.retryPending() == 1)
            try await eventually { printer.receipts.count == 2 }
            #expect(printer.receipts.last?.lines.contains { $0.text.contains("\(answer.visit.number)-2") } == true)
            #expect(await spooler.pendingJobs().isEmpty)
        }
    }

    @Test("a receipt goes to a serial (Bluetooth SPP) printer through a tty")
    func receiptOverTTY() async throws {
        let printer = VirtualPrinter(paperWidthDots: 384, charactersPerLine: 32)
        let pty = try VirtualPrinterPTY(printer: printer, tearOffAfterIdle: 0.3)
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") {
            $0.appointments.receiptPrinter = .init(transport: .tty, address: pty.devicePath, profile: "portable-58mm")
        }
        defer { hall.remove(); pty.stop() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            _ = try await client.clerkToken("wang.fang")
            let answer = try await VisitReceiptFlow.issue(client, hall: hall, finished: true)
            #expect(answer.print.status == "printed", "\(answer.print.message)")
            try await eventually { printer.receipts.count == 1 }
            let text = printer.receipts.first?.lines.map(\.text).joined(separator: "\n") ?? ""
            #expect(text.contains("上门服务回执") && text.contains("当场办结") && text.contains("已现场办理"), "\(text)")
        }
    }
}

/// The virtual printer's TCP endpoint, replaced when the test brings the printer back.
private final class EndpointBox: @unchecked Sendable {
    var server: VirtualPrinterTCPServer
    init(_ server: VirtualPrinterTCPServer) { self.server = server }
}
