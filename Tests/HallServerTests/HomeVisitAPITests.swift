import Foundation
import HallCore
import HallEmulators
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The receipt answer as the tests read it.
struct VisitReceiptAnswer: Decodable {
    struct Print: Decodable { var status: String; var message: String }
    var visit: HomeVisit
    var print: Print
}

extension TestClientProtocol {
    /// Records a home-visit request for 李秀英 (through her son) as `token`.
    func requestVisit(day: String, token: String) async throws -> HomeVisit {
        let (status, body) = try await send(
            .post, "/api/visits",
            #"""
            {"channel":"phone","applicant":{"name":"李秀英","phone":"13904771234"},"agent":{"name":"王小明","relation":"儿子"},
             "eligibility":"elderly","item":"senior-allowance","address":"乌审旗乌兰陶勒盖镇巴音敖包嘎查3组",
             "preferredDay":"\#(day)","preferredTime":"上午","request":"申请高龄津贴"}
            """#, token: token)
        guard status == .created else { throw TestFailure("visit request: \(status) \(body)") }
        return try HallJSON.decoder().decode(HomeVisit.self, from: Data(body.utf8))
    }

    /// Approves `visit` as `token` (a head) for 09-30 09:30 with 王芳.
    func approveVisit(_ visit: HomeVisit, token: String) async throws -> HomeVisit {
        try await decode(
            HomeVisit.self, .post, "/api/visits/\(visit.number)/approve",
            #"""
            {"day":"2026-09-30","time":"09:30","staff":["wang.fang"],"extraMaterials":["老年人优待证"],"notes":"请家属在场"}
            """#, token: token)
    }
}

@Suite("Home visits over HTTP", .serialized)
struct HomeVisitAPITests {
    @Test("request → board → approval by the head (plan PDF) → case on site → finished → receipt bytes, calls and spot checks")
    func visitFlow() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-09-24")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            DefaultTokens.set(clerk, for: client.port)  // downloads (client.bytes) go as the clerk
            let (tooSoon, tooSoonBody) = try await client.send(
                .post, "/api/visits",
                #"""
                {"applicant":{"name":"李秀英","phone":"13904771234"},"eligibility":"elderly","item":"senior-allowance",
                 "address":"巴音敖包嘎查","preferredDay":"2026-09-28","request":"x"}
                """#, token: clerk)
            #expect(tooSoon == .badRequest && errorCode(tooSoonBody) == "too_short_notice")
            let visit = try await client.requestVisit(day: "2026-09-29", token: clerk)
            #expect(visit.recordedBy == "wang.fang" && visit.reviewDue == LocalDay("2026-09-28"))

            hall.clock.set(IntakeTestHall.morning("2026-09-29"))
            let board = try await client.decode([VisitDeadlineStatus].self, .get, "/api/visits/board", token: head)
            #expect(board.map(\.level) == [.overdue] && board.first?.kind == .review)
            #expect(
                try await client.send(
                    .post, "/api/visits/\(visit.number)/approve",
                    #"{"day":"2026-09-30","time":"09:30","staff":["wang.fang"]}"#, token: clerk
                ).0 == .forbidden)
            let (noAlternative, noAlternativeBody) = try await client.send(
                .post, "/api/visits/\(visit.number)/refuse",
                #"{"reason":"不符合条件"}"#, token: head)
            #expect(noAlternative == .badRequest && errorMessage(noAlternativeBody).contains("替代解决方案"))
            let approved = try await client.approveVisit(visit, token: head)
            #expect(approved.state == .approved && approved.review?.by == "zhao.head" && approved.review?.late == true)

            let (pdfStatus, type, pdf) = try await client.bytes("/api/visits/\(visit.number)/plan")
            #expect(pdfStatus == .ok && type == "application/pdf")
            let text = try pdfText(pdf)
            for expected in [
                "上门服务确认单", visit.number, "2026年9月30日", "09:30", "巴音敖包嘎查3组", "测试wang.fang", "居民身份证",
                "老年人优待证", "请家属在场", "不收取任何费用", "王小明（儿子）",
            ] {
                #expect(text.contains(expected), "plan lacks \(expected)")
            }

            hall.clock.set(IntakeTestHall.morning("2026-09-30"))
            let (opened, openedBody) = try await client.send(
                .post, "/api/visits/\(visit.number)/case", #"{"idNumber":"150626194001010014"}"#,
                token: clerk)
            #expect(opened == .created, "\(openedBody)")
            let detail = try await client.decode(HomeVisit.self, .get, "/api/visits/\(visit.id)", token: clerk)
            let caseID = try #require(detail.caseID)
            let linkedCase = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(caseID)", token: clerk)
            #expect(linkedCase.case.owner == "wang.fang" && linkedCase.case.item.id == "senior-allowance")

            let finished = try await client.decode(
                HomeVisit.self, .post, "/api/visits/\(visit.number)/outcome",
                #"{"finishedOnSite":true,"summary":"已核对材料并现场受理"}"#, token: clerk)
            #expect(finished.state == .completed)
            let (receiptStatus, receiptBody) = try await client.send(.post, "/api/visits/\(visit.number)/receipt", token: clerk)
            #expect(receiptStatus == .created, "\(receiptBody)")
            let receipt = try HallJSON.decoder().decode(VisitReceiptAnswer.self, from: Data(receiptBody.utf8))
            #expect(receipt.print.status == "disabled" && receipt.print.message.contains("hallctl visit receipt"))

            // The portable printer's bytes, decoded by the emulator's ESC/POS decoder.
            let (bytesStatus, bytesType, bytes) = try await client.bytes("/api/visits/\(visit.number)/receipt?profile=generic-58mm")
            #expect(bytesStatus == .ok && bytesType == "application/octet-stream")
            var decoder = EscPosDecoder()
            _ = decoder.feed(Array(bytes))
            let printed = decoder.current.lines.map(\.text).joined(separator: "\n")
            for expected in ["上门服务回执", "\(visit.number)-1", "高龄津贴申请", "李*英", "当场办结", "不收费", "测试wang.fang"] {
                #expect(printed.contains(expected), "receipt lacks \(expected): \(printed)")
            }
            #expect(!printed.contains("李秀英") && !printed.contains("13904771234"))
            #expect(decoder.current.lines.allSatisfy { $0.columns <= 32 }, "fits 58 mm paper")
            #expect(try await client.send(.get, "/api/visits/\(visit.number)/receipt?profile=nope", token: clerk).0 == .badRequest)

            #expect(try await client.send(.post, "/api/visits/\(visit.number)/spot-checks", #"{"result":"passed"}"#, token: clerk).0 == .forbidden)
            let call = try await client.send(
                .post, "/api/visits/\(visit.number)/calls", #"{"outcome":"very_satisfied","note":"群众很满意"}"#,
                token: clerk)
            #expect(call.0 == .ok)
            let checked = try await client.decode(
                HomeVisit.self, .post, "/api/visits/\(visit.number)/spot-checks",
                #"{"result":"problems_found","note":"回执未请申请人签字"}"#, token: head)
            #expect(checked.satisfactionCalls.first?.by == "wang.fang" && checked.spotChecks.first?.by == "zhao.head")
            #expect(try await client.send(.post, "/api/visits/\(visit.number)/calls", #"{"outcome":"meh"}"#, token: clerk).0 == .badRequest)

            let types = hall.events.types.map(\.rawValue)
            for expected in [
                "visit.requested", "visit.approved", "visit.case_opened", "case.opened", "visit.completed",
                "visit.receipt_issued", "visit.satisfaction_call", "visit.spot_check",
            ] {
                #expect(types.contains(expected), "no \(expected) event")
            }
        }
    }
}
