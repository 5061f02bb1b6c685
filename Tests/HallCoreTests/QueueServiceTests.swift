import Foundation
import HallTestSupport
import Testing

@testable import HallCore

@Suite("Queue rules")
struct QueueServiceTests {
    @Test("numbers are per service per day with the prefix, and restart at local midnight")
    func numbering() async throws {
        let (queue, _, _, clock) = TestHall.make()
        #expect(try await queue.issue(serviceKey: "综合窗口").ticket.number == "A001")
        #expect(try await queue.issue(serviceKey: "general").ticket.number == "A002")
        #expect(try await queue.issue(serviceKey: "b").ticket.number == "B001")
        // 23:59:59 Shanghai is still the same day; one second later is a new day.
        clock.set(LocalDay(year: 2026, month: 11, day: 25).instant(minutesAfterMidnight: 24 * 60, in: TimeZone(identifier: "Asia/Shanghai")!) - 1)
        #expect(try await queue.issue(serviceKey: "A").ticket.number == "A003")
        clock.advance(1)
        let next = try await queue.issue(serviceKey: "A").ticket
        #expect(next.number == "A001")
        #expect(next.day == LocalDay(year: 2026, month: 11, day: 26))
    }

    @Test("service keys are trimmed as Foundation trims whitespace")
    func trimmedKeys() async throws {
        for key in ["A", " A", "A ", "\tB\t", "社保医保", "\u{3000}社保医保\u{3000}", "  ", "", "a b", "\nA", "A\u{00A0}"] {
            #expect(QueueService.trimmedKey(key) == key.trimmingCharacters(in: .whitespaces))
        }
        let (queue, _, _, _) = TestHall.make()
        #expect(try await queue.issue(serviceKey: " general\t").ticket.number == "A001")
    }

    @Test("unknown services are refused with a clear error")
    func unknownService() async throws {
        let (queue, _, _, _) = TestHall.make()
        await #expect(throws: QueueError.unknownService("户籍")) { try await queue.issue(serviceKey: "户籍") }
    }

    @Test("call-next takes priority tickets first, then the oldest across the window's services")
    func callOrder() async throws {
        let (queue, _, _, clock) = TestHall.make()
        _ = try await queue.issue(serviceKey: "B")  // B001 09:00:00
        clock.advance(60)
        _ = try await queue.issue(serviceKey: "A")  // A001 09:01
        clock.advance(60)
        _ = try await queue.issue(serviceKey: "A", priority: .greenChannel)  // A002 09:02, priority
        #expect(try await queue.callNext(window: 1).number == "A002")
        _ = try await queue.start(window: 1)
        _ = try await queue.finish(window: 1)
        #expect(try await queue.callNext(window: 1).number == "B001")
        _ = try await queue.skip(window: 1)
        #expect(try await queue.callNext(window: 1).number == "A001")
        // Window 2 serves only B: nobody left for it.
        await #expect(throws: QueueError.noOneWaiting(window: 2)) { try await queue.callNext(window: 2) }
    }

    @Test("a busy or paused window cannot call")
    func busyAndPaused() async throws {
        let (queue, _, _, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "B")
        _ = try await queue.issue(serviceKey: "B")
        _ = try await queue.callNext(window: 2)
        await #expect(throws: QueueError.windowBusy(window: 2, ticket: "B001")) { try await queue.callNext(window: 2) }
        _ = try await queue.setPaused(true, window: 1)
        await #expect(throws: QueueError.windowPaused(1)) { try await queue.callNext(window: 1) }
        _ = try await queue.setPaused(false, window: 1)
        #expect(try await queue.callNext(window: 1).number == "B002")
    }

    @Test("invalid transitions are refused and change nothing")
    func invalidTransitions() async throws {
        let (queue, _, _, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")
        await #expect(throws: QueueError.windowIdle(1)) { try await queue.finish(window: 1) }
        _ = try await queue.callNext(window: 1)
        await #expect(throws: QueueError.invalidTransition(ticket: "A001", from: .called, action: "办结")) {
            try await queue.finish(window: 1)
        }
        await #expect(throws: QueueError.invalidTransition(ticket: "A001", from: .called, action: "暂挂")) {
            try await queue.hold(window: 1)
        }
        #expect(try await queue.ticketStatus(number: "A001").ticket.state == .called)
    }

    @Test("recall past the limit makes a no-show")
    func recallLimit() async throws {
        let (queue, _, sink, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")
        _ = try await queue.callNext(window: 1)
        #expect(try await queue.recall(window: 1).recalls == 1)
        #expect(try await queue.recall(window: 1).recalls == 2)
        let third = try await queue.recall(window: 1)
        #expect(third.state == .noShow)
        #expect(sink.all.map(\.type).suffix(3) == [.ticketRecalled, .ticketRecalled, .ticketNoShow])
    }

    @Test("transfer keeps the issue time, so the resident is not sent to the back")
    func transfer() async throws {
        let (queue, _, _, clock) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")  // A001 09:00
        clock.advance(300)
        _ = try await queue.issue(serviceKey: "B")  // B001 09:05
        _ = try await queue.callNext(window: 1)  // A001
        _ = try await queue.start(window: 1)
        let moved = try await queue.transfer(window: 1, toService: "社保医保", toWindow: nil)
        #expect(moved.state == .waiting && moved.serviceID == "social" && moved.number == "A001" && moved.transfers == 1)
        // Window 2 (social only) now calls A001 before B001: it was issued earlier.
        #expect(try await queue.callNext(window: 2).number == "A001")
        await #expect(throws: QueueError.sameServiceTransfer("社保医保")) {
            try await queue.transfer(window: 2, toService: "social", toWindow: nil)
        }
    }

    @Test("a ticket transferred to a window is called only by that window")
    func transferToWindow() async throws {
        let (queue, _, _, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "B")
        _ = try await queue.callNext(window: 2)
        _ = try await queue.transfer(window: 2, toService: nil, toWindow: 1)
        await #expect(throws: QueueError.noOneWaiting(window: 2)) { try await queue.callNext(window: 2) }
        #expect(try await queue.callNext(window: 1).number == "B001")
    }

    @Test("hold frees the window; resume brings the ticket back and service time adds up")
    func holdResume() async throws {
        let (queue, _, _, clock) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")
        _ = try await queue.issue(serviceKey: "A")
        _ = try await queue.callNext(window: 1)
        _ = try await queue.start(window: 1)
        clock.advance(120)
        #expect(try await queue.hold(window: 1).state == .held)
        #expect(try await queue.callNext(window: 1).number == "A002")
        await #expect(throws: QueueError.windowBusy(window: 1, ticket: "A002")) {
            try await queue.resume(ticketNumber: "A001", window: 1)
        }
        _ = try await queue.skip(window: 1)
        _ = try await queue.resume(ticketNumber: "A001", window: 1)
        clock.advance(60)
        let done = try await queue.finish(window: 1)
        #expect(done.servedSeconds == 180)
    }

    @Test("a resident may leave while waiting; not after being served")
    func leave() async throws {
        let (queue, _, _, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")
        #expect(try await queue.leave(ticketNumber: "A001").state == .left)
        await #expect(throws: QueueError.invalidTransition(ticket: "A001", from: .left, action: "标记离开")) {
            try await queue.leave(ticketNumber: "A001")
        }
    }

    @Test("the wait estimate uses people ahead, real service times and open windows")
    func estimate() async throws {
        let (queue, _, _, clock) = TestHall.make()
        for _ in 0..<3 { _ = try await queue.issue(serviceKey: "B") }
        // Two windows serve B, typical 6 min: the 4th ticket has 3 ahead → ceil(3 × 6 / 2) = 9.
        #expect(try await queue.issue(serviceKey: "B").estimatedWaitMinutes == 9)
        // Serve three B tickets of 2 minutes each at window 2: the average becomes 2 minutes.
        for _ in 0..<3 {
            _ = try await queue.callNext(window: 2)
            _ = try await queue.start(window: 2)
            clock.advance(120)
            _ = try await queue.finish(window: 2)
        }
        let issued = try await queue.issue(serviceKey: "B")  // one ahead (B004)
        #expect(issued.peopleAhead == 1)
        #expect(issued.estimatedWaitMinutes == 1)  // ceil(1 × 2 / 2)
        _ = try await queue.setPaused(true, window: 1)
        #expect(try await queue.ticketStatus(number: issued.ticket.number).estimatedWaitMinutes == 2)
    }

    @Test("people ahead at issue (counted) agrees with the full call order, priority or not")
    func peopleAheadAtIssue() async throws {
        let (queue, _, _, clock) = TestHall.make()
        var generator = SystemRandomNumberGenerator()
        for i in 0..<60 {
            clock.advance(Double.random(in: 1...30, using: &generator))
            let priority: TicketPriority = i % 7 == 3 ? .greenChannel : (i % 11 == 5 ? .appointment : .normal)
            let issued = try await queue.issue(serviceKey: i % 3 == 0 ? "A" : "B", priority: priority)
            let status = try await queue.ticketStatus(number: issued.ticket.number)
            #expect(issued.peopleAhead == status.peopleAhead, "\(issued.ticket.number) \(priority)")
            if i % 5 == 4 { _ = try? await queue.callNext(window: 2); _ = try? await queue.skip(window: 2) }
        }
    }

    @Test("every change is logged as an event with the ticket")
    func events() async throws {
        let (queue, store, sink, _) = TestHall.make()
        _ = try await queue.issue(serviceKey: "A")
        _ = try await queue.callNext(window: 1)
        _ = try await queue.setPaused(true, window: 2)
        #expect(store.events.map(\.type) == [.ticketIssued, .ticketCalled, .windowPaused])
        #expect(sink.all == store.events)
        #expect(store.events[1].window == 1 && store.events[1].ticket?.number == "A001")
    }
}
