import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// The writer's memo of an issue's reads (`IssueMemo`) never changes what an issue answers: its
/// number, the people ahead and the estimate equal what the tables say without it, whatever was
/// written between two issues, by whom, and whether it committed.
@Suite("Issue memo")
struct IssueMemoTests {
    /// A rider that fails once the ticket is stored, so that the issue rolls back after its insert.
    struct FailingRider: TicketIssueRider {
        struct Refused: Error {}
        func admit(service: Service, day: LocalDay, in tx: any QueueTransaction) throws {}
        func issued(_ ticket: Ticket, in tx: any QueueTransaction) throws { throw Refused() }
    }

    /// What a reader (which has no memo) says of a ticket just issued.
    static func expectAsRead(_ issued: IssuedTicket, by queue: QueueService, _ comment: Comment) async throws {
        let status = try await queue.ticketStatus(number: issued.ticket.number)
        #expect(status.peopleAhead == issued.peopleAhead, comment)
        #expect(status.estimatedWaitMinutes == issued.estimatedWaitMinutes, comment)
    }

    @Test("a seeded random run of issues between calls, finishes, pauses, transfers, departures and writes past the queue answers as the tables say")
    func randomRun() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, clock) = TemporaryDatabase.morningQueue(database)
        var random = SeededGenerator(seed: 29)
        var issued: [String] = []
        var lastSequence: [String: Int] = [:]
        func issueAndCheck(_ step: Int) async throws {
            let service = TemporaryDatabase.services[Int(random.next() % 2)]
            if random.next() % 3 == 0 {
                // Writes past the queue's transaction first (as a sweep or another feature's store
                // would): the service's oldest waiting ticket leaves, a window pauses or resumes.
                let window = TemporaryDatabase.windows[Int(random.next() % 2)].number
                try await database.pool.write { db in
                    try db.execute(
                        sql: """
                            UPDATE ticket SET state = 'left'
                            WHERE id = (SELECT MIN(id) FROM ticket WHERE state = 'waiting' AND service_id = ?)
                            """, arguments: [service.id])
                    try db.execute(sql: "UPDATE service_window SET paused = 1 - paused WHERE number = ?", arguments: [window])
                }
            }
            let priority: TicketPriority = random.next() % 5 == 0 ? .greenChannel : .normal
            let ticket = try await queue.issue(serviceKey: service.id, priority: priority)
            try await Self.expectAsRead(ticket, by: queue, "step \(step)")
            #expect(ticket.ticket.sequence == lastSequence[service.id, default: 0] + 1, "step \(step): numbers follow on")
            lastSequence[service.id] = ticket.ticket.sequence
            issued.append(ticket.ticket.number)
        }
        for step in 0..<500 {
            clock.advance(15)
            let windows = TemporaryDatabase.windows.map(\.number)
            let window = windows[Int(random.next() % UInt64(windows.count))]
            do {
                switch random.next() % 10 {
                case 0, 1, 2, 3: try await issueAndCheck(step)
                case 4: _ = try await queue.callNext(window: window)
                case 5:
                    _ = try await queue.start(window: window)
                    clock.advance(TimeInterval(60 + random.next() % 600))
                    _ = try await queue.finish(window: window)
                case 6: _ = try await queue.setPaused(random.next() % 2 == 0, window: window)
                case 7: _ = try await queue.transfer(window: window, toService: random.next() % 2 == 0 ? "general" : "social", toWindow: nil)
                case 8: _ = try await queue.skip(window: window)
                default:
                    if !issued.isEmpty { _ = try await queue.leave(ticketNumber: issued[Int(random.next() % UInt64(issued.count))]) }
                }
            } catch is QueueError {
                // A refused step (nobody waiting, the window idle or paused) changes nothing.
            }
        }
        #expect(issued.count > 150)
    }

    @Test("an issue rolled back after its insert leaves its number and its place to the next issue")
    func rolledBackIssue() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, _) = TemporaryDatabase.morningQueue(database)
        _ = try await queue.issue(serviceKey: "general")
        let second = try await queue.issue(serviceKey: "general")
        await #expect(throws: FailingRider.Refused.self) { try await queue.issue(serviceKey: "general", rider: FailingRider()) }
        let third = try await queue.issue(serviceKey: "general")
        #expect(second.ticket.number == "A002")
        #expect(third.ticket.number == "A003", "the failed issue's number was rolled back")
        #expect(third.peopleAhead == 2)
        try await Self.expectAsRead(third, by: queue, "after the rollback")
    }

    @Test("a write past the queue's transaction on the same connection reaches the next issue")
    func writePastTheQueue() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, _) = TemporaryDatabase.morningQueue(database)
        _ = try await queue.issue(serviceKey: "general")
        _ = try await queue.issue(serviceKey: "general")
        try await database.pool.write { db in try db.execute(sql: "UPDATE ticket SET state = 'left' WHERE number = 'A001'") }
        let third = try await queue.issue(serviceKey: "general")
        #expect(third.peopleAhead == 1)
        try await Self.expectAsRead(third, by: queue, "after the write")
    }

    @Test("tickets and pauses committed by another connection reach the next issue")
    func otherConnection() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, _) = TemporaryDatabase.morningQueue(database)
        _ = try await queue.issue(serviceKey: "social")
        // A second database on the same file: its own writer connection, which the first one's
        // change count does not see.
        let other = try HallDatabase(StoreConfiguration(path: temp.path))
        let (otherQueue, _) = TemporaryDatabase.morningQueue(other)
        let fromOther = try await otherQueue.issue(serviceKey: "social")
        _ = try await otherQueue.setPaused(true, window: 3)
        #expect(fromOther.ticket.number == "B002")
        let next = try await queue.issue(serviceKey: "social")
        #expect(next.ticket.number == "B003")
        #expect(next.peopleAhead == 2)
        try await Self.expectAsRead(next, by: queue, "after the other connection's commits")
    }

    @Test("concurrent issues, some rolled back inside a shared transaction, number without gaps")
    func concurrentIssues() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (queue, _) = TemporaryDatabase.morningQueue(database)
        let results = await withTaskGroup(of: IssuedTicket?.self) { group in
            for i in 0..<60 {
                group.addTask {
                    try? await queue.issue(serviceKey: i % 2 == 0 ? "general" : "social", rider: i % 7 == 3 ? FailingRider() : nil)
                }
            }
            return await group.reduce(into: [IssuedTicket]()) { if let ticket = $1 { $0.append(ticket) } }
        }
        #expect(results.count == 60 - 9)
        for service in ["general", "social"] {
            let tickets = results.filter { $0.ticket.serviceID == service }.sorted { $0.ticket.sequence < $1.ticket.sequence }
            #expect(tickets.map(\.ticket.sequence) == Array(1...tickets.count), "\(service): no gap, no repeat")
            #expect(tickets.allSatisfy { $0.peopleAhead == $0.ticket.sequence - 1 }, "\(service): everyone ahead is still waiting")
        }
    }
}
