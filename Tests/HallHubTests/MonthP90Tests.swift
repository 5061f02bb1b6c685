import Foundation
import HallCore
import Testing

@testable import HallHub

/// The month's waiting p90 is taken in PostgreSQL by counting each day's sorted waits below
/// every minute and sorting only the minute that holds the rank; it must equal the nearest-rank
/// p90 of a full sort of every wait, whatever the waits (negative, on minute boundaries, repeated).
@Suite(.serialized) struct MonthP90Tests {
    /// A small reproducible generator (the figures must not depend on the run).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test func theMonthsP90EqualsTheNearestRankOfAFullSort() async throws {
        let hub = try await HubTestBed()
        var random = Generator(state: 20_261_207)
        var expected: [String: Double] = [:]
        for hall in 0..<8 {
            let id = "town-\(hall)"
            _ = try await hub.code(for: id)
            var every: [Double] = []
            for day in 1...6 {
                let count = hall == 7 ? 0 : Int.random(in: 0...40, using: &random)
                let waits = (0..<count).map { _ -> Double in
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: Double(Int.random(in: 0...30, using: &random) * 60)  // on a minute boundary
                    case 1: -Double(Int.random(in: 1...90, using: &random))  // a clock step backwards
                    case 2: 300  // repeated
                    default: Double(Int.random(in: 0...1_800_000, using: &random)) / 1000
                    }
                }.sorted()
                every += waits
                let array = "'{" + waits.map { String($0) }.joined(separator: ",") + "}'::float8[]"
                _ = try hub.postgres.psql(
                    "INSERT INTO hall_day (hall_id, day, issued, ratings, bad, windows, waiting, waits) "
                        + "VALUES ('\(id)', '2026-11-0\(day)', \(count), 0, 0, '{}', '{}', \(array))", database: "hub")
            }
            guard !every.isEmpty else { continue }
            let sorted = every.sorted()
            expected[id] = sorted[(9 * sorted.count + 9) / 10 - 1]
        }
        let p90 = try await hub.store.waitingP90(
            from: try #require(LocalDay("2026-11-01")), through: try #require(LocalDay("2026-11-30")))
        #expect(p90 == expected)
        await hub.shutdown()
    }
}
