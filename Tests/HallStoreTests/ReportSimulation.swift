import Foundation
import HallCore

@testable import HallStore

/// A reproducible random generator (SplitMix64), so a failing simulation can be replayed by seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs days of a busy hall through the real queue service on SQLite — issues, calls, recalls,
/// no-shows, holds, transfers, residents who leave — and records what happened from the
/// service's own answers (the first call of each ticket), for brute-force checks of the reports.
struct ReportSimulation {
    let queue: QueueService
    let ratings: RatingService
    let clock: ManualClock
    /// The earliest call of each ticket, as the queue answered it.
    var firstCalls: [Int64: Date] = [:]
    var rated: [RatingLevel: Int] = [:]
    var generator: SeededGenerator
    static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    init(database: HallDatabase, seed: UInt64) {
        clock = ManualClock(Date())
        queue = QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: NullSink())
        ratings = RatingService(
            store: SQLiteRatingStore(database), clock: clock, settings: RatingSettings(), timeZone: Self.timeZone,
            sink: NullSink())
        generator = SeededGenerator(seed: seed)
    }

    private mutating func wait(_ range: ClosedRange<Double>) { clock.advance(Double.random(in: range, using: &generator)) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < p }

    private mutating func called(_ t: Ticket) {
        if let at = t.calledAt, firstCalls[t.id].map({ at < $0 }) ?? true { firstCalls[t.id] = at }
    }

    /// One working day from 08:30: `tickets` residents arrive, windows 1 and 3 serve them.
    mutating func run(day: LocalDay, tickets: Int) async throws {
        clock.set(day.instant(minutesAfterMidnight: 8 * 60 + 30, in: Self.timeZone))
        var issued: [String] = []
        for i in 0..<tickets {
            issued.append(
                try await queue.issue(serviceKey: chance(0.4) ? "A" : "B", priority: i % 9 == 4 ? .greenChannel : .normal)
                    .ticket.number)
            wait(5...90)
        }
        for _ in 0..<(tickets * 3) {
            var progressed = false
            for window in [1, 3] {
                guard let t = try? await queue.callNext(window: window, actor: "clerk\(window)") else { continue }
                progressed = true
                called(t)
                wait(10...60)
                if chance(0.2) { called(try await queue.recall(window: window, actor: "clerk\(window)")); wait(10...60) }
                if chance(0.12) { _ = try await queue.skip(window: window, actor: "clerk\(window)"); continue }
                _ = try await queue.start(window: window, actor: "clerk\(window)")
                wait(60...900)
                if chance(0.1) {
                    _ = try await queue.transfer(
                        window: window, toService: t.serviceID == "general" ? "social" : "general",
                        toWindow: nil, actor: "clerk\(window)")
                    continue
                }
                if chance(0.1) {
                    let held = try await queue.hold(window: window, actor: "clerk\(window)")
                    wait(60...300)
                    _ = try await queue.resume(ticketNumber: held.number, window: window, actor: "clerk\(window)")
                    wait(30...300)
                }
                let done = try await queue.finish(window: window, actor: "clerk\(window)")
                wait(5...30)
                if chance(0.6) {
                    let level = RatingLevel.allCases.randomElement(using: &generator)!
                    _ = try await ratings.rateAtPad(window: window, ticketID: done.id, level: level, device: "pad-\(window)")
                    rated[level, default: 0] += 1
                }
            }
            if !progressed { break }
            if chance(0.15), let number = issued.randomElement(using: &generator) {
                _ = try? await queue.leave(ticketNumber: number, actor: "clerk1")  // only a waiting (or held) one can leave
            }
        }
    }
}
