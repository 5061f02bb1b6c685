import Foundation
import HallCore
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Department reviews over HTTP: a reviewer sees and answers only for their own department, the
/// head for any; every case action is recorded under the signed-in principal.
@Suite("Department reviews and case actors over HTTP")
struct ReviewAPITests {
    static let day = "2026-09-24"
    static let item = "disability-two-subsidies"  // civil-affairs + disabled-persons-federation
    static let materials = ["id-card", "household-register", "disability-card", "application", "photo", "bank-card"]
    static let post = #"{"kind":"post","address":"乌审旗乌兰陶勒盖镇巴音敖包嘎查3组","recipient":"张三丰","phone":"13904771234"}"#

    /// Opens and accepts a case as `clerk`; returns its number.
    static func acceptedCase(
        _ client: some TestClientProtocol, clerk: String, item: String = item,
        materials: [String] = materials
    ) async throws -> String {
        let opened = try await client.decode(
            Case.self, .post, "/api/cases",
            IntakeTestHall.openBody(item: item, delivery: post), token: clerk)
        let answer = try await client.decode(
            PreReviewAnswer.self, .post, "/api/cases/\(opened.id)/pre-review",
            IntakeTestHall.received(materials), token: clerk)
        return try #require(answer.case.number)
    }

    @Test("a reviewer sees the cases routed to their department (identity in full, contact masked) and answers for it only")
    func reviewerScope() async throws {
        let hall = try IntakeTestHall(at: Self.day)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let civil = try await client.staffToken("mz.wang", roles: [.reviewer], department: "civil-affairs")
            let tax = try await client.staffToken("sw.zhao", roles: [.reviewer], department: "tax")
            let nobody = try await client.staffToken("no.dept", roles: [.reviewer])
            let head = try await client.staffToken("zhuren", roles: [.head])
            let number = try await Self.acceptedCase(client, clerk: clerk)
            // A case for another department only (market regulation + tax), which civil affairs must not see.
            let business = try await client.decode(
                Case.self, .post, "/api/cases",
                IntakeTestHall.openBody(
                    item: "individual-business-establishment",
                    applicant:
                        #"{"kind":"enterprise","name":"乌审旗草原牧家乐","creditCode":"91150626MA0N2X3Y4W","contactPerson":"巴特尔","phone":"13904770001"}"#),
                token: clerk)
            let businessNumber = try #require(
                try await client.decode(
                    PreReviewAnswer.self, .post, "/api/cases/\(business.id)/pre-review",
                    IntakeTestHall.received(["operator-id-card", "application", "premises-proof", "tax-info"]), token: clerk
                ).case.number)
            let taxInbox = try await client.decode([ReviewerCaseView].self, .get, "/api/reviews", token: tax)
            #expect(taxInbox.map(\.number) == [businessNumber])
            #expect(taxInbox.first?.applicant.idNumber == "91150626MA0N2X3Y4W" && taxInbox.first?.applicant.contactPerson == "巴*尔")

            // The civil-affairs reviewer's inbox: this case, waiting, with what the reviewer needs.
            let (inboxStatus, inboxBody) = try await client.send(.get, "/api/reviews", token: civil)
            #expect(inboxStatus == .ok, "\(inboxBody)")
            let inbox = try HallJSON.decoder().decode([ReviewerCaseView].self, from: Data(inboxBody.utf8))
            #expect(inbox.map(\.number) == [number])
            let view = try #require(inbox.first)
            #expect(view.awaitingAnswer && view.department.id == "civil-affairs" && view.review.decision == .pending)
            #expect(view.applicant.name == "张三丰" && view.applicant.idNumber == "150626198503121230")
            #expect(view.applicant.phone == "139****1234" && view.delivery == "邮寄送达")
            #expect(view.otherDepartments == ["镇残疾人联合会"] && view.promisedDay == LocalDay("2026-10-12"))
            #expect(view.received.count == Self.materials.count && view.deadlineLevel == .onTrack)
            #expect(!inboxBody.contains("13904771234") && !inboxBody.contains("巴音敖包"), "no phone, no postal address")

            #expect(try await client.send(.get, "/api/reviews").0 == .unauthorized)
            // The full case (address, phone) stays with the window: reviewers are refused it.
            let (fullStatus, fullBody) = try await client.send(.get, "/api/cases/\(number)", token: civil)
            #expect(try fullStatus == .forbidden && errorBody(fullBody).error == "forbidden")
            #expect(try await client.send(.get, "/api/cases", token: civil).0 == .forbidden)

            // Another department: refused the case and refused acting for civil affairs.
            let (otherRead, otherReadBody) = try await client.send(.get, "/api/reviews/\(number)", token: tax)
            let otherReadError = try errorBody(otherReadBody)
            #expect(otherRead == .forbidden && otherReadError.error == "case_not_routed_to_department")
            #expect(otherReadError.message.contains("乌兰陶勒盖税务分局"), "\(otherReadBody)")
            let (asCivil, asCivilBody) = try await client.send(.get, "/api/reviews?department=civil-affairs", token: tax)
            #expect(try asCivil == .forbidden && errorBody(asCivilBody).error == "other_department")
            let (forged, forgedBody) = try await client.send(
                .post, "/api/cases/\(number)/reviews",
                #"{"department":"civil-affairs","decision":"approved"}"#, token: tax)
            let forgedError = try errorBody(forgedBody)
            #expect(forged == .forbidden && forgedError.error == "other_department", "\(forgedBody)")
            #expect(forgedError.message.contains("乌兰陶勒盖税务分局") && forgedError.message.contains("镇民政办公室"))
            let (own, ownBody) = try await client.send(.post, "/api/cases/\(number)/reviews", #"{"decision":"approved"}"#, token: tax)
            #expect(try own == .badRequest && errorBody(ownBody).error == "department_not_on_case", "\(ownBody)")
            #expect(try errorBody(ownBody).message.contains("部门“乌兰陶勒盖税务分局”不是案件"), "by its name: \(ownBody)")
            let (noDept, noDeptBody) = try await client.send(.post, "/api/cases/\(number)/reviews", #"{"decision":"approved"}"#, token: nobody)
            #expect(try noDept == .forbidden && errorBody(noDeptBody).error == "reviewer_without_department")
            // The head must say which department; a clerk may not review at all.
            let (headNoDept, headNoDeptBody) = try await client.send(
                .post, "/api/cases/\(number)/reviews", #"{"decision":"approved"}"#,
                token: head)
            #expect(try headNoDept == .badRequest && errorBody(headNoDeptBody).error == "department_required")
            #expect(
                try await client.send(
                    .post, "/api/cases/\(number)/reviews",
                    #"{"department":"civil-affairs","decision":"approved"}"#, token: clerk
                ).0 == .forbidden)
            let untouched = try await client.decode(CaseDetailAnswer.self, .get, "/api/cases/\(number)", token: clerk)
            #expect(untouched.case.reviews.allSatisfy { $0.decision == .pending }, "no refused review changed anything")

            // The reviewer answers for their own department (the department may be left out).
            let (approved, approvedBody) = try await client.send(
                .post, "/api/cases/\(number)/reviews",
                #"{"decision":"approved"}"#, token: civil)
            #expect(approved == .ok, "\(approvedBody)")
            let after = try await client.decode(ReviewerCaseView.self, .get, "/api/reviews/\(number)", token: civil)
            #expect(!after.awaitingAnswer && after.review.decision == .approved && after.review.reviewer == "mz.wang")
            // The head answers for the federation, naming it.
            let federation = try await client.decode(
                Case.self, .post, "/api/cases/\(number)/reviews",
                #"{"department":"disabled-persons-federation","decision":"rejected","reason":"残疾等级不符合补贴条件"}"#, token: head)
            #expect(federation.state == .decided && federation.reviews.last?.reviewer == "zhuren")
            #expect(
                try await client.decode(
                    [ReviewerCaseView].self, .get, "/api/reviews?department=disabled-persons-federation",
                    token: head
                ).map(\.number) == [number])
        }
        let reviewed = hall.events.all.filter { $0.type == .caseReviewed }
        #expect(reviewed.map(\.actor) == ["mz.wang", "zhuren"])
    }

    @Test("waiting cases come first, most urgent first; answered ones after")
    func inboxOrder() async throws {
        let hall = try IntakeTestHall(at: "2026-03-10")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let civil = try await client.staffToken("mz.wang", roles: [.reviewer], department: "civil-affairs")
            // temporary-assistance: complex (7 days); senior-allowance: simple (3 days) → due first.
            let complex = try await Self.acceptedCase(
                client, clerk: clerk, item: "temporary-assistance",
                materials: ["id-card", "household-register", "application", "hardship-proof", "bank-card"])
            let simple = try await Self.acceptedCase(
                client, clerk: clerk, item: "senior-allowance",
                materials: ["id-card", "household-register", "application", "photo", "bank-card"])
            let answered = try await Self.acceptedCase(
                client, clerk: clerk, item: "senior-allowance",
                materials: ["id-card", "household-register", "application", "photo", "bank-card"])
            _ = try await client.decode(Case.self, .post, "/api/cases/\(answered)/reviews", #"{"decision":"approved"}"#, token: civil)
            let inbox = try await client.decode([ReviewerCaseView].self, .get, "/api/reviews", token: civil)
            #expect(inbox.map(\.number) == [simple, complex, answered])
            #expect(inbox.map(\.awaitingAnswer) == [true, true, false])
        }
    }

    @Test("every case action is recorded under the signed-in principal; actor fields in bodies and queries are ignored")
    func actorIsThePrincipal() async throws {
        let hall = try IntakeTestHall(at: Self.day)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            let other = try await client.clerkToken("zhang.wei")
            let head = try await client.staffToken("zhuren", roles: [.head])
            let forgedOpen = #"{"item":"senior-allowance","applicant":\#(IntakeTestHall.person),"clerk":"mallory","window":2}"#
            let opened = try await client.decode(Case.self, .post, "/api/cases", forgedOpen, token: clerk)
            #expect(opened.owner == "li.na")
            _ = try await client.decode(Case.self, .post, "/api/cases", IntakeTestHall.openBody(item: "senior-allowance"), token: other)
            let (_, preBody) = try await client.send(
                .post, "/api/cases/\(opened.id)/pre-review",
                #"{"clerk":"mallory","marks":[{"material":"id-card","status":"missing"}]}"#, token: clerk)
            #expect(preBody.contains("correction_needed"))

            // "My open cases": only the signed-in clerk's.
            let mine = try await client.decode([Case].self, .get, "/api/cases?owner=me", token: clerk)
            #expect(mine.map(\.id) == [opened.id])
            #expect(try await client.decode([Case].self, .get, "/api/cases", token: clerk).count == 2)

            let catalog = try await client.send(.get, "/api/catalog").1
            #expect(try await client.send(.post, "/api/catalog/import?actor=mallory", catalog, token: head).0 == .ok)
        }
        let actors = hall.events.all.filter { $0.type.rawValue.hasPrefix("case.") || $0.type == .catalogImported }.map(\.actor)
        #expect(actors == ["li.na", "zhang.wei", "li.na", "zhuren"])
        #expect(!actors.contains("mallory"))
    }

    @Test("the deadline sweep pushes case.due_soon then case.overdue on /ws/events")
    func deadlineEventsOnTheStream() async throws {
        let hall = try IntakeTestHall(at: "2026-03-10")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.na")
            // senior-allowance: simple, 3 working days: 3-10 (Tue) → 3-13 (Fri).
            let number = try await Self.acceptedCase(
                client, clerk: clerk, item: "senior-allowance",
                materials: ["id-card", "household-register", "application", "photo", "bank-card"])
            let sweep = hall.server.intake.makeSweep()
            let received = try await client.streamedEvents(
                hall.server, count: 2,
                keep: { $0.type == .caseDueSoon || $0.type == .caseOverdue }
            ) { () async throws in
                #expect(try await sweep.runOnce() == 0)
                hall.clock.set(IntakeTestHall.morning("2026-03-12"))
                #expect(try await sweep.runOnce() == 1)
                #expect(try await sweep.runOnce() == 1, "still due soon, not pushed again")
                hall.clock.set(IntakeTestHall.morning("2026-03-16"))
                #expect(try await sweep.runOnce() == 1)
            }
            #expect(received.map(\.type) == [.caseDueSoon, .caseOverdue])
            #expect(received.allSatisfy { $0.data?["caseNumber"] == number && $0.actor == "system" })
            #expect(received.first?.data?["waitingFor"] == "镇民政办公室")
            #expect(!received.contains { ($0.data ?? [:]).values.contains { $0.contains("张三丰") } }, "no personal data on the stream")
        }
    }
}
