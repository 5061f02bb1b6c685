import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Opening hours, extended service, the ledger and follow-ups over HTTP, on a hall whose clock is
/// set near closing time on real days of the official calendar.
@Suite("Extended hours and the ledger over HTTP", .serialized)
struct ExtendedHoursAPITests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func hall(_ day: String, _ adjust: @escaping (inout HallConfiguration) -> Void = { _ in }) throws -> IntakeTestHall {
        try IntakeTestHall(at: day) {
            $0.devices = .init(kiosks: [.init(id: "kiosk-1", token: TestCredentials.kiosk)], screens: [])
            $0.accounts.sessionIdleMinutes = 600
            adjust(&$0)
        }
    }

    /// A hall on `day` whose ticket printer is the demo's emulated one (on its pty), no screens, no voice.
    static func hallWithEmulatedTicketPrinter(_ day: String, _ adjust: @escaping (inout HallConfiguration) -> Void = { _ in }) throws
        -> IntakeTestHall
    {
        try hall(day) {
            adjust(&$0)
            $0.hardware = .automatic
            $0.hardware.ticketPrinter.transport = .emulator
            $0.hardware.displays.transport = .none
            $0.hardware.voice.enabled = false
            $0.devicesDirectory = DemoDevicesTests.devicesDirectory
        }
    }

    static func at(_ day: String, _ time: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: TimeOfDay(time)!.minutes, in: zone)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("closing notice, kiosk refused after closing, extended period, replacement, ledger per clerk, exports, audit")
    func extendedEvening() async throws {
        let hall = try Self.hall("2026-11-25")
        defer { hall.remove() }
        let d = "2026-11-25"
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("head1")
            let clerk3 = try await client.staffToken("clerk3", roles: [.clerk])
            let clerk5 = try await client.staffToken("clerk5", roles: [.clerk])

            // Opening hours: winter, closing 17:30; only the head or the admin may change them.
            let hours = try await client.decode(HoursView.self, .get, "/api/hours?days=3")
            #expect(hours.source == "configuration" && hours.days.first?.closing?.description == "17:30")
            #expect(try await client.send(.put, "/api/hours", try HallJSON.string(OpeningHours.standard), token: clerk3).0 == .forbidden)
            var gap = OpeningHours.standard
            gap.seasons.removeLast()
            let (gapStatus, gapBody) = try await client.send(.put, "/api/hours", try HallJSON.string(gap))
            #expect(try gapStatus == .badRequest && errorBody(gapBody).error == "hours_day_not_covered")
            #expect(try await client.decode(HoursView.self, .put, "/api/hours", try HallJSON.string(OpeningHours.standard)).source == "override")
            #expect(try await client.decode(HoursView.self, .delete, "/api/hours").source == "configuration")

            // 17:10: two residents take tickets; the notice shows the queue's own estimates.
            hall.clock.set(Self.at(d, "17:10"))
            for _ in 0..<2 {
                #expect(try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk).0 == .created)
            }
            let notice = try await client.decode(ExtendedStatus.self, .get, "/api/extended")
            #expect(notice.phase == .closingSoon && notice.noticeActive && notice.message?.contains("17:30") == true)
            #expect(notice.waiting.map(\.number) == ["B001", "B002"])
            for w in notice.waiting {
                let status = try await client.decode(TicketStatus.self, .get, "/api/tickets/\(w.number)")
                #expect(w.estimatedWaitMinutes == status.estimatedWaitMinutes)
            }

            // Clerk 3 cannot stay; the head puts clerk 5 at window 3. A clerk may not assign.
            hall.clock.set(Self.at(d, "17:20"))
            #expect(try await client.send(.post, "/api/extended/absences", #"{"window":3,"reason":"孩子生病"}"#, token: clerk3).0 == .created)
            #expect(
                try await client.send(.post, "/api/extended/replacements", #"{"window":3,"replacement":"clerk3"}"#, token: clerk5).0 == .forbidden)
            let (assigned, assignedBody) = try await client.send(.post, "/api/extended/replacements", #"{"window":3,"replacement":"clerk5"}"#)
            #expect(assigned == .created && assignedBody.contains(#""absentClerk":"clerk3""#), "\(assignedBody)")
            let (missing, missingBody) = try await client.send(.post, "/api/extended/absences", #"{"window":9,"reason":"x"}"#, token: clerk5)
            #expect(try missing == .notFound && errorBody(missingBody).error == "unknown_window")

            // 17:31: past closing the kiosk refuses, with when the hall opens again; staff may still issue.
            hall.clock.set(Self.at(d, "17:31"))
            let (refused, refusal) = try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
            #expect(refused == .conflict)
            let error = try errorBody(refusal)
            #expect(error.error == "hall_closed" && error.message.contains("17:30") && error.message.contains("11月26日（星期四） 08:30"))
            #expect(try await client.send(.post, "/api/tickets", #"{"service":"社保医保"}"#).0 == .created)
            let sweep = hall.server.extended.makeSweep()
            #expect(try await sweep.runOnce().phase == .extended)
            #expect(hall.events.types.contains(.extendedStarted))

            // Clerk 5 serves all three at window 3.
            var minute = 32
            for _ in 0..<3 {
                for action in ["call-next", "start", "finish"] {
                    hall.clock.set(Self.at(d, "17:\(minute)"))
                    let (status, body) = try await client.send(.post, "/api/windows/3/\(action)", token: clerk5)
                    #expect(status == .ok, "\(action): \(body)")
                    minute += 2
                }
            }
            hall.clock.set(Self.at(d, "17:55"))
            let ended = try await sweep.runOnce()
            #expect(ended.phase == .closed && ended.session?.endedAt == Self.at(d, "17:48"))

            // The ledger: clerk 5's minutes from closing to the last ticket; a clerk sees only their own.
            let mine = try await client.decode(LedgerMonthView.self, .get, "/api/ledger?month=2026-11", token: clerk5)
            #expect(mine.entries.map(\.staff) == ["clerk5"] && mine.entries.first?.minutes == 18)
            #expect(mine.entries.first?.served == ["B001", "B002", "B003"])
            let (other, otherBody) = try await client.send(.get, "/api/ledger?month=2026-11&staff=head1", token: clerk5)
            #expect(try other == .forbidden && errorBody(otherBody).error == "ledger_not_yours")
            #expect(try await client.decode(LedgerMonthView.self, .get, "/api/ledger?month=2026-11&staff=clerk3", token: clerk3).entries.isEmpty)
            #expect(try await client.send(.get, "/api/ledger/export?month=2026-11", token: clerk5).0 == .forbidden)
            let (badMonth, badMonthBody) = try await client.send(.get, "/api/ledger?month=2026-13")
            #expect(try badMonth == .badRequest && errorBody(badMonthBody).error == "ledger_bad_month")

            // Exports: CSV with a byte-order mark, and the A4 PDF read back with pdftotext.
            let (csvStatus, csvType, csv) = try await client.bytes("/api/ledger/export?month=2026-11&format=csv")
            #expect(csvStatus == .ok && csvType == "text/csv; charset=utf-8")
            #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let csvText = String(decoding: csv, as: UTF8.self)
            #expect(csvText.contains("2026-11-25,测试clerk5,clerk5,延时服务,17:30,17:48,18,B001、B002、B003,叫号记录"))
            let (pdfStatus, pdfType, pdf) = try await client.bytes("/api/ledger/export?month=2026-11&format=pdf")
            #expect(pdfStatus == .ok && pdfType == "application/pdf")
            let text = try pdfText(pdf)
            for expected in ["预约延时服务登记台账", "2026年11月", "测试clerk5", "B001、B002、B003", "18分钟", "不收取任何费用"] {
                #expect(text.contains(expected), "PDF lacks \(expected)")
            }

            // Every state change is audited with the signed-in actor.
            let audit = try await client.send(.get, "/api/audit?actor=head1").1
            #expect(audit.contains("extended.assign_replacement") && audit.contains("hours.manage"))
            #expect(try await client.send(.get, "/api/audit?actor=clerk3").1.contains("extended.report_absence"))
        }
    }

    @Test("follow-ups through the API: consent, masking, own list for clerks, due and overdue for the head")
    func followUps() async throws {
        let hall = try Self.hall("2026-09-30")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("head1")
            var clerk3 = try await client.staffToken("clerk3", roles: [.clerk])
            var clerk5 = try await client.staffToken("clerk5", roles: [.clerk])
            let body =
                #"{"subject":"社保卡补办结果","source":{"kind":"extended","reference":"B003"},"#
                + #""contactName":"张三丰","contactPhone":"13904771234","consent":%@}"#
            let (noConsent, noConsentBody) = try await client.send(.post, "/api/follow-ups", String(format: body, "false"), token: clerk3)
            #expect(try noConsent == .badRequest && errorBody(noConsentBody).error == "followup_consent_required")
            let (created, createdBody) = try await client.send(.post, "/api/follow-ups", String(format: body, "true"), token: clerk3)
            #expect(created == .created)
            let listing = try HallJSON.decoder().decode(FollowUpListing.self, from: Data(createdBody.utf8))
            #expect(listing.maskedContact == "张*丰 139****1234" && listing.followUp.dueDay == LocalDay("2026-10-10"))
            #expect(!hall.events.all.contains { ($0.data ?? [:]).values.contains { $0.contains("13904771234") } })
            let (listStatus, listBody) = try await client.send(.get, "/api/follow-ups", token: clerk5)
            #expect(listStatus == .ok && listBody == "[]", "\(listBody)")
            #expect(try await client.send(.get, "/api/follow-ups?owner=clerk3", token: clerk5).0 == .forbidden)
            let (dueStatus, dueBody) = try await client.send(.get, "/api/follow-ups?due=1")
            #expect(dueStatus == .ok && dueBody == "[]", "\(dueBody)")
            hall.clock.set(Self.at("2026-10-12", "09:00"))
            _ = try await hall.server.followUps.makeSweep().runOnce()
            // Sessions end after 12 hours: sign in again on the later day.
            DefaultTokens.set(try await client.signIn("head1", TestCredentials.staffPassword), for: client.port)
            clerk3 = try await client.signIn("clerk3", TestCredentials.staffPassword)
            clerk5 = try await client.signIn("clerk5", TestCredentials.staffPassword)
            #expect(hall.events.types.filter { $0 == .followUpOverdue }.count == 1)
            let due = try await client.decode([FollowUpListing].self, .get, "/api/follow-ups?due=1")
            #expect(due.map(\.due) == [.overdue])
            let (notOwner, _) = try await client.send(.post, "/api/follow-ups/\(listing.followUp.id)/close", #"{"result":"x"}"#, token: clerk5)
            #expect(notOwner == .forbidden)
            let closed = try await client.decode(
                FollowUpListing.self, .post, "/api/follow-ups/\(listing.followUp.id)/close",
                #"{"result":"已电话告知，可来领卡"}"#, token: clerk3)
            #expect(closed.followUp.state == .done && closed.due == .closed)
        }
    }

    @Test("leave owed past the threshold, granted, taken; the month printed on a real IPP printer and read back")
    func leaveAndPrintedLedger() async throws {
        let printer = try CupsTestPrinter()
        defer { printer.stop() }
        let hall = try Self.hall("2026-11-30") { $0.officePrinter = OfficePrinter(destination: printer.uri, jobTimeoutSeconds: 30) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("head1")
            _ = try await client.staffToken("clerk5", roles: [.clerk])
            // Weekend appointment duty (Sat 11-28 and Sun 11-29), as the appointment feature records it.
            for (day, span) in [("2026-11-28", ("09:00", "13:00")), ("2026-11-29", ("09:00", "13:30"))] {
                let entry =
                    #"{"staff":"clerk5","kind":"appointment","start":"\#(day)T\#(span.0):00+08:00","#
                    + #""end":"\#(day)T\#(span.1):00+08:00","note":"预约值班","served":["预约R00\#(day.suffix(1))"]}"#
                let (status, text) = try await client.send(.post, "/api/ledger/entries", entry)
                #expect(status == .created, "\(text)")
            }
            #expect(hall.events.types.contains(.leaveOwed))
            let balance = try #require(try await client.decode([LedgerBalance].self, .get, "/api/ledger/balances?staff=clerk5").first)
            #expect(balance.appointmentMinutes == 510 && balance.owesLeave)
            // Hours no one can take are refused with their own message; naming them in it never traps.
            for hours in ["1e19", "-1e19", "1.5e300", "9223372036854775807"] {
                let (status, body) = try await client.send(.post, "/api/ledger/leave", #"{"staff":"clerk5","day":"2026-11-30","hours":\#(hours)}"#)
                #expect(try status == .badRequest && errorBody(body).error == "leave_invalid_hours", "\(hours): \(body)")
            }
            let (dayOff, dayOffBody) = try await client.send(.post, "/api/ledger/leave", #"{"staff":"clerk5","day":"2026-12-05","hours":8}"#)
            #expect(try dayOff == .badRequest && errorBody(dayOffBody).error == "leave_on_day_off")
            let grant = try await client.decode(
                LeaveGrant.self, .post, "/api/ledger/leave",
                #"{"staff":"clerk5","day":"2026-11-30","hours":8,"note":"周末预约值班调休"}"#)
            #expect(grant.state == .granted && grant.minutes == 480)
            let taken = try await client.decode(LeaveGrant.self, .post, "/api/ledger/leave/\(grant.id)/taken")
            #expect(taken.state == .taken)

            let answer = try Self.json(try await client.send(.post, "/api/ledger/print", #"{"month":"2026-11"}"#).1)
            #expect((answer["print"] as? [String: Any])?["status"] as? String == "printed", "\(answer)")
            let spooled = try #require(printer.spooledFiles().first)
            let text = try pdfText(file: spooled)
            for expected in [
                "预约延时服务登记台账", "2026年11月", "测试clerk5", "预约服务", "510分钟", "已安排调休8小时", "结余0.5小时",
                "调休：测试clerk5", "乌兰陶勒盖镇便民服务中心",
            ] {
                #expect(text.contains(expected), "printed ledger lacks \(expected)")
            }
        }
    }

    @Test("the wait slip comes out of the emulated ticket printer, decoded from its ESC/POS bytes")
    func waitSlipOnTheTicketPrinter() async throws {
        let hall = try Self.hallWithEmulatedTicketPrinter("2026-11-25")
        defer { hall.remove() }
        let printer = try #require(hall.demo.printer)
        let background = Task { await hall.server.devices.run() }
        defer { background.cancel() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.staffToken("clerk3", roles: [.clerk])
            hall.clock.set(Self.at("2026-11-25", "17:15"))
            for _ in 0..<3 { _ = try await client.send(.post, "/api/tickets", #"{"service":"民政残联"}"#, token: TestCredentials.kiosk) }
            let (status, body) = try await client.send(.post, "/api/extended/slips", #"{"ticket":"c003"}"#, token: clerk)
            #expect(status == .ok, "\(body)")
            let answer = try Self.json(body)
            #expect((answer["print"] as? [String: Any])?["status"] as? String == "printed")
            let minutes = try #require((answer["estimate"] as? [String: Any])?["estimatedWaitMinutes"] as? Int)
            let ticket = try await client.decode(TicketStatus.self, .get, "/api/tickets/C003")
            #expect(minutes == ticket.estimatedWaitMinutes && minutes > 0)
            let receipt = try #require(printer.receipts.last)
            let lines = receipt.lines.map(\.text)
            #expect(lines.contains { $0.contains("等候告知单") })
            #expect(lines.contains { $0.contains("C003") } && lines.contains { $0.contains("民政残联") })
            #expect(lines.contains { $0.contains("约 \(minutes) 分钟") })
            #expect(lines.contains { $0.contains("17:30") } && lines.contains { $0.contains("不收取任何费用") })
            #expect(receipt.qrCodes.first?.payload.hasSuffix("/t/?id=\(ticket.ticket.id)") == true)
            #expect(receipt.cut != nil)
            // Not waiting any more: no slip.
            _ = try await client.send(.post, "/api/tickets/C003/leave", token: clerk)
            let (gone, goneBody) = try await client.send(.post, "/api/extended/slips", #"{"ticket":"C003"}"#, token: clerk)
            #expect(try gone == .conflict && errorBody(goneBody).error == "extended_ticket_not_waiting")
        }
    }

    @Test("every opening-hours, extended-service, ledger and follow-up route is in the OpenAPI document")
    func openAPI() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let document = try await client.send(.get, "/openapi.yaml").1
            for path in [
                "/api/hours", "/api/extended", "/api/extended/slips", "/api/extended/sessions", "/api/extended/absences",
                "/api/extended/replacements", "/api/ledger", "/api/ledger/balances", "/api/ledger/export", "/api/ledger/print",
                "/api/ledger/entries", "/api/ledger/entries/{id}", "/api/ledger/leave", "/api/ledger/leave/{id}/taken",
                "/api/ledger/leave/{id}/cancel", "/api/follow-ups", "/api/follow-ups/{id}/close",
            ] {
                #expect(document.contains("\n  \(path):\n"), "\(path) is not documented")
            }
        }
    }
}
