import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// A pre-review answer as the API sends it (the fields the tests read).
struct PreReviewAnswer: Decodable {
    struct Notice: Decodable {
        struct Print: Decodable { var status: String; var message: String?; var jobID: Int? }
        var kind: String
        var sequence: Int
        var url: String
        var print: Print
    }
    var outcome: String
    var `case`: Case
    var corrections: [CorrectionItem]
    var notice: Notice?
    var noticeError: ErrorBody?
}

struct CaseDetailAnswer: Decodable {
    struct Notice: Decodable { var kind: String; var sequence: Int; var printStatus: String; var printError: String? }
    var `case`: Case
    var notices: [Notice]
}

extension TestClientProtocol {
    /// GETs raw bytes.
    func bytes(_ uri: String) async throws -> (HTTPResponse.Status, String?, Data) {
        let headers: HTTPFields = DefaultTokens.token(for: port).map { [.authorization: "Bearer \($0)"] } ?? [:]
        return try await execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, response.headers[.contentType], Data(response.body.readableBytesView))
        }
    }
}

@Suite("Intake API over HTTP")
struct IntakeAPITests {
    // 2026-09-24 is a Thursday. Hand count with the official 2026 schedule: 中秋 9-25…9-27 and
    // 国庆 10-1…10-7 off, Saturday 10-10 a make-up working day.
    //   correction (5 working days): 9-28, 9-29, 9-30, 10-8, 10-9            → 2026-10-09
    //   complex item (7 working days): …, 10-9, 10-10 (make-up), 10-12 (Mon) → 2026-10-12
    static let day = "2026-09-24"
    static let item = "disability-two-subsidies"
    static let materials = ["id-card", "household-register", "disability-card", "application", "photo", "bank-card"]

    /// A JSON object answer, as sent.
    static func object(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("open → correction notice (PDF read back) → resubmission → accepted → parallel reviews → notify → post → close")
    func fullFlow() async throws {
        let hall = try IntakeTestHall(at: Self.day)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead("wangfang")
            let post = #"{"kind":"post","address":"乌审旗乌兰陶勒盖镇巴音敖包嘎查3组","recipient":"张三丰","phone":"13904771234"}"#
            let (openStatus, openBody) = try await client.send(.post, "/api/cases", IntakeTestHall.openBody(item: Self.item, delivery: post))
            #expect(openStatus == .created, "\(openBody)")
            let opened = try HallJSON.decoder().decode(Case.self, from: Data(openBody.utf8))
            #expect(opened.state == .preReview && opened.owner == "wangfang" && opened.window == 2 && opened.number == nil)
            #expect(try Self.object(openBody)["stateLabel"] as? String == "预审中", "the state's label from CaseState, for the pages")

            // Incomplete: one missing, one defective → every problem at once.
            let marks =
                #"{"marks":[{"material":"id-card","status":"received"},"#
                + #"{"material":"household-register","status":"missing"},"#
                + #"{"material":"disability-card","status":"defective","reason":"残疾人证已过有效期"},"#
                + #"{"material":"application","status":"received"},{"material":"photo","status":"received"},"#
                + #"{"material":"bank-card","status":"received"}]}"#
            let correction = try await client.decode(PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review", marks)
            #expect(correction.outcome == "correction_needed")
            #expect(correction.corrections.map(\.materialID) == ["household-register", "disability-card"])
            #expect(correction.case.correctionDeadline == LocalDay("2026-10-09"))
            let notice = try #require(correction.notice)
            #expect(notice.kind == "correction" && notice.sequence == 1 && notice.print.status == "not_configured")
            let (pdfStatus, type, pdf) = try await client.bytes(notice.url)
            #expect(pdfStatus == .ok && type == "application/pdf" && pdf.starts(with: Data("%PDF".utf8)))
            let text = try pdfText(pdf)
            for expected in [
                "补正告知书", "张三丰", "残疾人两项补贴申请", "居民户口簿", "残疾人证已过有效期", "2026年10月9日", "2号",
                "经办人：测试wangfang",
            ] {
                #expect(text.contains(expected), "correction notice lacks \(expected)")
            }
            #expect(!text.contains("150626198503121230"), "the ID number is printed masked")
            let kept = hall.folder.appendingPathComponent("notices/case-\(opened.id)/correction-1.pdf")
            #expect(FileManager.default.contents(atPath: kept.path) == pdf)

            // Resubmission with everything → accepted with the number and the promised day.
            let accepted = try await client.decode(
                PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review",
                IntakeTestHall.received(Self.materials))
            #expect(accepted.outcome == "accepted" && accepted.corrections.isEmpty)
            let number = try #require(accepted.case.number)
            #expect(number == "BM20260924-0001")
            #expect(accepted.case.promisedDay == LocalDay("2026-10-12") && !accepted.case.hasProvisionalDates)
            #expect(accepted.case.state == .inReview && accepted.case.reviews.count == 2)
            let acceptance = try #require(accepted.notice)
            #expect(acceptance.url == "/api/cases/\(number)/notices/acceptance.pdf")
            let acceptanceText = try pdfText(try await client.bytes(acceptance.url).2)
            for expected in ["受理通知书", number, "7个工作日", "2026年10月12日", "邮寄送达", "经办人：测试wangfang"] {
                #expect(acceptanceText.contains(expected), "acceptance notice lacks \(expected)")
            }
            #expect(!acceptanceText.contains("经办人：wangfang"), "the clerk is named by display name, not user name")
            #expect(FileManager.default.fileExists(atPath: hall.folder.appendingPathComponent("notices/\(number)/acceptance-1.pdf").path))

            // The head's board sees it running.
            let board = try await client.decode([CaseDeadlineStatus].self, .get, "/api/cases/board")
            #expect(board.map(\.number) == [number] && board[0].waitingFor.count == 2)

            // Parallel reviews: both departments answer at the same time; one first asks for an inspection.
            let inspection = try await client.decode(
                Case.self, .post, "/api/cases/\(number)/reviews",
                #"{"department":"disabled-persons-federation","decision":"needs_inspection","note":"需入户核实残疾状况"}"#)
            #expect(inspection.state == .inReview)
            async let civil = client.decode(
                Case.self, .post, "/api/cases/\(number)/reviews",
                #"{"department":"civil-affairs","decision":"approved"}"#)
            async let federation = client.decode(
                Case.self, .post, "/api/cases/\(number)/reviews",
                #"{"department":"disabled-persons-federation","decision":"approved"}"#)
            let answers = try await [civil, federation]
            #expect(answers.contains { $0.state == .decided })
            let decided = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(number)")
            #expect(decided.case.state == .decided && decided.case.result == .approved)
            #expect(decided.notices.map(\.kind) == ["correction", "acceptance"])
            let (_, detailBody) = try await client.send(.get, "/api/cases/\(number)")
            #expect((try Self.object(detailBody)["case"] as? [String: Any])?["stateLabel"] as? String == CaseState.decided.label)

            // Notify once, deliver by post (tracking number required), close.
            #expect(try await client.decode(Case.self, .post, "/api/cases/\(number)/notify").state == .notified)
            let (noTracking, noTrackingBody) = try await client.send(.post, "/api/cases/\(number)/deliver", "{}")
            let noTrackingError = try errorBody(noTrackingBody)
            #expect(noTracking == .badRequest && noTrackingError.error == "tracking_number_required")
            let delivered = try await client.decode(
                Case.self, .post, "/api/cases/\(number)/deliver",
                #"{"trackingNumber":"SF1234567890"}"#)
            #expect(delivered.state == .delivered && delivered.trackingNumber == "SF1234567890")
            #expect(try await client.decode(Case.self, .post, "/api/cases/\(number)/close").state == .closed)

            // Public status: only with the key the notice's QR code carries (the number alone opens nothing), masked.
            let path = hall.server.intake.keys.statusPath(for: accepted.case)
            let acceptancePDF = try await client.bytes(acceptance.url).2
            #expect(try pdfQRCodes(acceptancePDF) == [hall.server.configuration.center.publicURL(path)], "the notice's QR code carries the key")
            let anonymous = { (uri: String) in try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) } }
            #expect(try await anonymous("/api/cases/\(number)/status").0 == .notFound)
            #expect(try await anonymous("/api/cases/\(accepted.case.id)/status").0 == .notFound)
            #expect(try await anonymous("/api/cases/\(number)/status?k=AAAAAAAAAAAAAAAAAAAAAA").0 == .notFound)
            let (publicStatus, summary) = try await anonymous(path)
            #expect(publicStatus == .ok && summary.contains("张*丰") && summary.contains("已办结"))
            #expect(!summary.contains("张三丰") && !summary.contains("150626198503121230") && !summary.contains("13904771234"))

            #expect(try await client.decode([Case].self, .get, "/api/cases?state=closed").map(\.number) == [number])
            let (_, closedList) = try await client.send(.get, "/api/cases?state=closed")
            let listed = try JSONSerialization.jsonObject(with: Data(closedList.utf8)) as? [[String: Any]]
            #expect(listed?.map { $0["stateLabel"] as? String } == ["已办结"])
            #expect(try await client.decode([Case].self, .get, "/api/cases").isEmpty)
        }
        let types = hall.events.types.map(\.rawValue)
        #expect(
            types.filter { $0.hasPrefix("case.") } == [
                "case.opened", "case.correction_needed", "case.accepted", "case.routed",
                "case.reviewed", "case.reviewed", "case.reviewed", "case.completed",
                "case.notified", "case.delivered", "case.closed",
            ])
        #expect(!hall.events.all.contains { ($0.data ?? [:]).values.contains { $0.contains("张三丰") } })
    }

    @Test("every bad input gets the right 4xx with a code and a Chinese message")
    func badInput() async throws {
        let hall = try IntakeTestHall(at: Self.day)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            func expectError(
                _ method: HTTPRequest.Method, _ uri: String, _ json: String?, _ status: HTTPResponse.Status,
                _ code: String, sourceLocation: SourceLocation = #_sourceLocation
            ) async throws {
                let (got, body) = try await client.send(method, uri, json)
                #expect(got == status, "\(uri): \(body)", sourceLocation: sourceLocation)
                let error = try errorBody(body)
                #expect(error.error == code, "\(uri): \(body)", sourceLocation: sourceLocation)
                #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            }
            try await expectError(.post, "/api/cases", IntakeTestHall.openBody(item: "passport"), .notFound, "unknown_item")
            try await expectError(
                .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: Self.item, applicant: #"{"kind":"person","name":" ","idNumber":"150626198503121230","phone":"13904771234"}"#),
                .badRequest, "missing_applicant_field")
            try await expectError(
                .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: Self.item, applicant: #"{"kind":"person","name":"张三丰","phone":"13904771234"}"#),
                .badRequest, "missing_applicant_field")
            try await expectError(
                .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: Self.item, applicant: #"{"kind":"person","name":"张三丰","idNumber":"150626198503121231","phone":"13904771234"}"#),
                .badRequest, "id_number_bad_checksum")
            try await expectError(
                .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: Self.item, applicant: #"{"kind":"robot","name":"X"}"#), .badRequest, "invalid_parameter")
            try await expectError(
                .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: Self.item, delivery: #"{"kind":"post","address":"","recipient":"张三丰","phone":"13904771234"}"#),
                .badRequest, "missing_delivery_field")
            // Names that fit a notice, and no control or direction-override character in any field.
            func person(_ name: String) -> String { #"{"kind":"person","name":"\#(name)","idNumber":"150626198503121230","phone":"13904771234"}"# }
            try await expectError(
                .post, "/api/cases", IntakeTestHall.openBody(item: Self.item, applicant: person(String(repeating: "王", count: 51))),
                .badRequest, "invalid_applicant_field")
            try await expectError(
                .post, "/api/cases", IntakeTestHall.openBody(item: Self.item, applicant: person(String(repeating: "王", count: 100_000))),
                .badRequest, "invalid_text")
            for name in [#"张\u0000三"#, #"张\u202E三"#, #"张\u2066三"#] {
                try await expectError(
                    .post, "/api/cases", IntakeTestHall.openBody(item: Self.item, applicant: person(name)), .badRequest, "invalid_text")
            }
            try await expectError(.post, "/api/cases", #"{"item":"\u0007"}"#, .badRequest, "invalid_text")
            try await expectError(.post, "/api/cases", #"{"item":"#, .badRequest, "malformed_json")
            try await expectError(.post, "/api/cases", #"{"applicant":{}}"#, .badRequest, "malformed_json")

            let opened = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: Self.item))
            try await expectError(
                .post, "/api/cases/\(opened.id)/pre-review", #"{"marks":[{"material":"passport","status":"received"}]}"#,
                .badRequest, "unknown_material")
            try await expectError(
                .post, "/api/cases/\(opened.id)/pre-review", #"{"marks":[{"material":"photo","status":"defective"}]}"#,
                .badRequest, "defect_reason_missing")
            try await expectError(
                .post, "/api/cases/\(opened.id)/pre-review", #"{"marks":[{"material":"photo","status":"lost"}]}"#,
                .badRequest, "invalid_parameter")
            try await expectError(
                .post, "/api/cases/\(opened.id)/reviews", #"{"department":"civil-affairs","decision":"approved"}"#,
                .conflict, "invalid_case_transition")
            try await expectError(.post, "/api/cases/\(opened.id)/notices/acceptance/print", nil, .conflict, "office_printer_not_configured")
            try await expectError(.get, "/api/cases/\(opened.id)/notices/acceptance.pdf", nil, .notFound, "notice_not_available")
            try await expectError(.get, "/api/cases/\(opened.id)/notices/receipt.pdf", nil, .badRequest, "unknown_notice_kind")

            let accepted = try await client.decode(
                PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review",
                IntakeTestHall.received(Self.materials))
            let number = try #require(accepted.case.number)
            try await expectError(
                .post, "/api/cases/\(number)/reviews", #"{"department":"tax","decision":"approved"}"#,
                .badRequest, "department_not_on_case")
            try await expectError(
                .post, "/api/cases/\(number)/reviews", #"{"department":"civil-affairs","decision":"rejected"}"#,
                .badRequest, "rejection_reason_missing")
            try await expectError(
                .post, "/api/cases/\(number)/reviews", #"{"department":"civil-affairs","decision":"maybe"}"#,
                .badRequest, "invalid_parameter")
            try await expectError(.post, "/api/cases/\(number)/notify", nil, .conflict, "invalid_case_transition")
            try await expectError(.post, "/api/cases/\(number)/deliver", "{oops", .badRequest, "malformed_json")
            try await expectError(.get, "/api/cases/BM20260924-0099", nil, .notFound, "unknown_case")
            try await expectError(.get, "/api/cases/999", nil, .notFound, "unknown_case")
            try await expectError(.get, "/api/cases?state=lost", nil, .badRequest, "invalid_parameter")

            try await expectError(.post, "/api/catalog/import", #"{"items":[]}"#, .badRequest, "catalog_empty")
            try await expectError(.post, "/api/catalog/import", "not json", .badRequest, "catalog_malformed")
            let schedule = try String(contentsOf: PackagePaths.url("data/calendar/cn-2026.json"), encoding: .utf8)
            try await expectError(.post, "/api/calendar/import", schedule, .conflict, "calendar_duplicate_year")
            try await expectError(.get, "/api/calendar/2031", nil, .conflict, "calendar_not_covered")
        }
    }

    @Test("catalog and calendar: read, import, and a next year's schedule extends the calendar")
    func catalogAndCalendar() async throws {
        let hall = try IntakeTestHall(at: Self.day)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            let catalog = try await client.decode(Catalog.self, .get, "/api/catalog")
            #expect(catalog.items.count == 15)
            var smaller = catalog
            smaller.items = Array(catalog.items.prefix(3))
            let (status, body) = try await client.send(.post, "/api/catalog/import", try HallJSON.string(smaller))
            #expect(status == .ok && body.contains(#""items":3"#))
            #expect(try await client.decode(Catalog.self, .get, "/api/catalog").items.map(\.id) == smaller.items.map(\.id))

            let y2026 = try await client.decode(HolidaySchedule.self, .get, "/api/calendar/2026")
            #expect(y2026.year == 2026 && y2026.holidays.contains { $0.name == "国庆节" })
            // A 2027 schedule (as an administrator would import it): shift the 2026 one's shape.
            let y2027 = #"{"year":2027,"source":"测试用","holidays":[{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}],"makeUpWorkdays":[]}"#
            let (imported, importedBody) = try await client.send(.post, "/api/calendar/import", y2027)
            #expect(imported == .created && importedBody.contains("2027"), "\(importedBody)")
            let (_, covered) = try await client.send(.get, "/api/calendar")
            #expect(covered.contains("[2025,2026,2027]"))
            let replaced = try await client.send(.post, "/api/calendar/import?replace=true", y2027)
            #expect(replaced.0 == .created)
        }
        #expect(hall.events.types.map(\.rawValue) == ["catalog.imported", "calendar.imported", "calendar.imported"])
    }

    @Test("from 1 November /healthz warns until next year's official calendar is imported")
    func calendarForesight() async throws {
        let hall = try IntakeTestHall(at: "2026-10-30")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            func calendar() async throws -> (status: String, ok: Bool?, condition: String) {
                let (_, body) = try await client.send(.get, "/healthz")
                let health = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                let entry = (health["devices"] as? [[String: Any]])?.first { $0["name"] as? String == "calendar" }
                return (health["status"] as? String ?? "", entry?["ok"] as? Bool, entry?["condition"] as? String ?? "")
            }
            #expect(try await calendar().ok == true)
            hall.clock.set(IntakeTestHall.morning("2026-11-01"))
            let warned = try await calendar()
            #expect(warned.status == "degraded" && warned.ok == false && warned.condition.contains("2027年官方节假日安排尚未导入"), "\(warned)")
            try await client.actAsHead()
            let y2027 = #"{"year":2027,"source":"测试用","holidays":[{"name":"元旦","first":"2027-01-01","last":"2027-01-03"}],"makeUpWorkdays":[]}"#
            let (imported, body) = try await client.send(.post, "/api/calendar/import", y2027)
            #expect(imported == .created, "\(body)")
            #expect(try await calendar().ok == true)
        }
    }

    @Test("the deadline sweep pushes case.due_soon then case.overdue once each, and the board shows them")
    func deadlines() async throws {
        let hall = try IntakeTestHall(at: "2026-03-10")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            try await client.actAsHead()
            // senior-allowance: simple, 3 working days: 3-10 (Tue) → 3-13 (Fri).
            let opened = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: "senior-allowance"))
            let accepted = try await client.decode(
                PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review",
                IntakeTestHall.received(["id-card", "household-register", "application", "photo", "bank-card"]))
            #expect(accepted.case.promisedDay == LocalDay("2026-03-13"))
            let sweep = hall.server.intake.makeSweep()
            #expect(try await sweep.runOnce() == 0)
            hall.clock.set(IntakeTestHall.morning("2026-03-12"))
            #expect(try await sweep.runOnce() == 1)
            #expect(try await sweep.runOnce() == 1)
            try await client.actAsHead()  // days passed: the earlier session has expired
            #expect(try await client.decode([CaseDeadlineStatus].self, .get, "/api/cases/board").first?.level == .dueSoon)
            hall.clock.set(IntakeTestHall.morning("2026-03-16"))
            _ = try await sweep.runOnce()
            try await client.actAsHead()
            let board = try await client.decode([CaseDeadlineStatus].self, .get, "/api/cases/board")
            #expect(board.first?.level == .overdue && board.first?.number == accepted.case.number)
        }
        let alerts = hall.events.types.map(\.rawValue).filter { $0 == "case.due_soon" || $0 == "case.overdue" }
        #expect(alerts == ["case.due_soon", "case.overdue"])
    }
}
