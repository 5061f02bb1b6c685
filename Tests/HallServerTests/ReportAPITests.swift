import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Reports API")
struct ReportAPITests {
    @Test("daily and monthly reports as JSON and as CSV (UTF-8 with BOM), for the head and the administrator only")
    func reports() async throws {
        let clock = ManualClock(LocalDay("2026-11-25")!.instant(minutesAfterMidnight: 9 * 60, in: TimeZone(identifier: "Asia/Shanghai")!))
        let (server, folder) = try makeServer(clock: clock, PadCredentials.configure)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("clerk3")
            let head = try await client.staffToken("head1", roles: [.head])
            // B001 waits 2 min and is served 5 min; B002 waits 4 min, served 10 min; A001 is a no-show.
            for service in ["社保医保", "社保医保", "综合窗口"] {
                _ = try await client.send(.post, "/api/tickets", #"{"service":"\#(service)"}"#, token: TestCredentials.kiosk)
            }
            clock.advance(120)
            for (action, minutes) in [("call-next", 0), ("start", 5), ("finish", 0)] {
                #expect(try await client.send(.post, "/api/windows/3/\(action)", token: clerk).0 == .ok)
                clock.advance(Double(minutes) * 60)
            }
            let first = try await client.decode(RatingPadView.self, .get, "/api/rating-pad", token: PadCredentials.window3)
            _ = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(first.offer!.ticketID),"level":"satisfied"}"#,
                token: PadCredentials.window3)
            // B001 was called 2 min after issue, B002 waits until now: 2 + 5 = 7 min after issue.
            for (action, minutes) in [("call-next", 0), ("start", 10), ("finish", 0)] {
                #expect(try await client.send(.post, "/api/windows/3/\(action)", token: clerk).0 == .ok)
                clock.advance(Double(minutes) * 60)
            }
            let second = try await client.decode(RatingPadView.self, .get, "/api/rating-pad", token: PadCredentials.window3)
            _ = try await client.send(
                .post, "/api/rating-pad", #"{"ticket":\#(second.offer!.ticketID),"level":"very_dissatisfied"}"#,
                token: PadCredentials.window3)
            _ = try await client.send(.post, "/api/windows/1/call-next", token: clerk)
            _ = try await client.send(.post, "/api/windows/1/skip", token: clerk)

            #expect(try await client.send(.get, "/api/reports/2026-11-25", token: clerk).0 == .forbidden)
            #expect(try await client.send(.get, "/api/reports/2026-11-25").0 == .unauthorized)
            let report = try await client.decode(HallReport.self, .get, "/api/reports/2026-11-25", token: head)
            let social = try #require(report.services.first { $0.serviceID == "social-insurance" })
            #expect(social.issued == 2 && social.served == 2 && social.noShows == 0)
            #expect(social.waiting.averageSeconds == (120 + 420) / 2 && social.waiting.p90Seconds == 420)
            #expect(social.service.averageSeconds == (300 + 600) / 2 && social.service.p90Seconds == 600)
            #expect(report.totals.issued == 3 && report.totals.noShows == 1 && report.totals.served == 2)
            #expect(report.services.count == 6, "every configured service has a row")
            #expect(report.ratings.total == 2 && report.ratings.negative == 1 && report.ratings.satisfactionRate == 0.5)
            #expect(try await client.decode(HallReport.self, .get, "/api/reports/today", token: head) == report)

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let month = try await client.decode(HallReport.self, .get, "/api/reports/2026-11", token: admin)
            #expect(month.days.count == 30 && month.days[24].issued == 3 && month.totals == report.totals)

            let csv = try await client.execute(
                uri: "/api/reports/2026-11?format=csv", method: .get,
                headers: [.authorization: "Bearer \(head)"]
            ) { $0 }
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"hall-report-2026-11.csv\"")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.first == "报表,2026年11月")
            #expect(lines.contains("社保医保,2,2,0,0,4.5,7.0,7.5,10.0"), "\(lines)")
            #expect(lines.contains("合计,3,2,1,0,8.7,17.0,7.5,10.0"), "the no-show waited 17 min before its call")
            #expect(lines.contains("2026-11-25,3,2,1") && lines.contains("非常不满意,1") && lines.contains("满意率,50.0%"))

            for bad in ["/api/reports/2026-13", "/api/reports/yesterday", "/api/reports/2026-11-25?format=xlsx"] {
                let (status, body) = try await client.send(.get, bad, token: head)
                #expect(try status == .badRequest && errorBody(body).error == "invalid_parameter", "\(bad)")
            }
        }
    }
}
