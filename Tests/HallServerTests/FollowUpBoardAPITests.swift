import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// The head's one list of follow-ups of every kind over HTTP: a resident's result to tell, a bad
/// rating's follow-up and a home visit's unfinished item, each due by a working day, listed
/// together (due and overdue first), each closed through its own kind's route and rules.
@Suite("Follow-up board over HTTP", .serialized)
struct FollowUpBoardAPITests {
    @Test("a resident's, a bad rating's and a home visit's follow-up on one board; each closed where it is kept")
    func everyKindInOnePlace() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-09-24") { PadCredentials.configure(&$0) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            let admin = try await client.signIn("admin", TestCredentials.adminPassword)

            // A resident's result to tell, due today (Thu 2026-09-24).
            let (created, createdBody) = try await client.send(
                .post, "/api/follow-ups",
                #"""
                {"subject":"社保卡补办结果","source":{"kind":"extended","reference":"B003"},"contactName":"张三丰",
                 "contactPhone":"13904771234","consent":true,"dueWorkingDays":0}
                """#, token: clerk)
            #expect(created == .created, "\(createdBody)")
            let resident = try HallJSON.decoder().decode(FollowUpListing.self, from: Data(createdBody.utf8)).followUp
            // A bad rating on window 3's pad.
            let ticket = try await client.servedTicket(at: 3, clerk: clerk)
            let receipt = try await client.decode(
                RatingReceipt.self, .post, "/api/rating-pad",
                #"{"ticket":\#(ticket.id),"level":"very_dissatisfied"}"#, token: PadCredentials.window3)
            let rating = try #require(receipt.followUp)
            // A home visit that leaves an item unfinished on 09-30, due the next working day.
            let visit = try await client.approveVisit(try await client.requestVisit(day: "2026-09-29", token: clerk), token: head)
            hall.clock.set(IntakeTestHall.morning("2026-09-30"))
            let followed = try await client.decode(
                HomeVisit.self, .post, "/api/visits/\(visit.number)/outcome",
                #"{"finishedOnSite":false,"summary":"已收材料","unfinished":"待补充户口簿","workingDays":1}"#,
                token: clerk)
            let visitDue = try #require(followed.outcome?.deadline)
            // The board is read on National Day: the rating's three working days ended on 09-30 (中秋节 is 09-25).
            hall.clock.set(IntakeTestHall.morning("2026-10-01"))
            #expect(followed.state == .followUp && rating.dueDay < LocalDay("2026-10-01")! && visitDue > LocalDay("2026-10-01")!)

            // Only the head reads the board.
            for token in [clerk, admin, PadCredentials.window3] {
                #expect(try await client.send(.get, "/api/follow-ups/due", token: token).0 == .forbidden)
            }
            #expect(try await client.send(.get, "/api/follow-ups/due?all=yes", token: head).0 == .badRequest)

            // Due and overdue: the resident's (due 09-24) and the rating's, overdue; the visit is not due yet.
            let (dueStatus, dueBody) = try await client.send(.get, "/api/follow-ups/due", token: head)
            #expect(dueStatus == .ok)
            let due = try HallJSON.decoder().decode([DueFollowUp].self, from: Data(dueBody.utf8))
            #expect(due.map(\.kind) == [.resident, .rating] && due.allSatisfy { $0.due == .overdue })
            #expect(
                due[0].id == resident.id && due[0].title == "社保卡补办结果" && due[0].detail == "张*丰 139****1234"
                    && due[0].owners == ["wang.fang"] && due[0].dueDay == LocalDay("2026-09-24"))
            #expect(
                due[1].id == rating.id && due[1].title == "\(ticket.number) 非常不满意" && due[1].detail == "3号窗口 wang.fang"
                    && due[1].owners.isEmpty && due[1].closePath == "/api/rating-follow-ups/\(rating.id)/close")
            for secret in ["13904771234", "张三丰", "李秀英", "巴音敖包嘎查"] { #expect(!dueBody.contains(secret), "\(secret) on the board") }
            let all = try await client.decode([DueFollowUp].self, .get, "/api/follow-ups/due?all=1", token: head)
            #expect(all.map(\.kind) == [.resident, .rating, .visit] && all[2].due == .onTrack)
            #expect(
                all[2].title == "\(visit.number) 高龄津贴申请" && all[2].detail == "待补充户口簿" && all[2].owners == ["wang.fang"]
                    && all[2].dueDay == visitDue && all[2].closePath == "/api/visits/\(visit.number)/close")

            // The rating sweep announces the overdue rating follow-up once.
            #expect(try await hall.server.ratings.makeSweep().runOnce().map(\.followUp.id) == [rating.id])
            _ = try await hall.server.ratings.makeSweep().runOnce()
            #expect(hall.events.of(.ratingFollowUpOverdue).count == 1)

            // On the visit's due day it is due today, listed after the overdue ones.
            hall.clock.set(IntakeTestHall.morning(visitDue.description))
            let onDueDay = try await client.decode([DueFollowUp].self, .get, "/api/follow-ups/due", token: head)
            #expect(onDueDay.map(\.kind) == [.resident, .rating, .visit] && onDueDay.map(\.due) == [.overdue, .overdue, .dueToday])

            // Each is closed through its own route with its own body and rules.
            #expect(
                try await client.send(.post, all[1].closePath, #"{"note":"已回访"}"#, token: clerk).0 == .forbidden,
                "a rating's follow-up is the head's")
            let closes = [
                (all[0].closePath, #"{"result":"已电话告知可来领卡"}"#), (all[1].closePath, #"{"note":"已回访并致歉"}"#),
                (all[2].closePath, #"{"note":"户口簿已补齐，已办结"}"#),
            ]
            for (path, body) in closes {
                let (status, answer) = try await client.send(.post, path, body, token: head)
                #expect(status == .ok, "\(path): \(answer)")
            }
            #expect(try await client.decode([DueFollowUp].self, .get, "/api/follow-ups/due?all=1", token: head).isEmpty)
        }
    }
}
