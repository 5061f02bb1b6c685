import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// The report aggregates computed in SQL on a real SQLite file, checked against a brute-force
/// computation in Swift over the same simulated days (tickets loaded one by one through the
/// queue store, first calls taken from the queue service's answers, percentiles by sorting).
@Suite("SQLite report store")
struct SQLiteReportStoreTests {
    struct Expected: Equatable, CustomStringConvertible {
        var issued = 0, served = 0, noShows = 0, left = 0
        var waits: [Double] = [], services: [Double] = []
        var description: String {
            "issued \(issued) served \(served) noShows \(noShows) left \(left) waits \(waits.count) services \(services.count)"
        }
    }

    static func expected(
        _ tickets: [Ticket], firstCalls: [Int64: Date], key: (Ticket) -> String, issuedKey: (Ticket) -> String
    )
        -> [String: Expected]
    {
        var out: [String: Expected] = [:]
        for t in tickets {
            out[issuedKey(t), default: Expected()].issued += 1
            var e = out[key(t), default: Expected()]
            switch t.state {
            case .done: e.served += 1
            case .noShow: e.noShows += 1
            case .left: e.left += 1
            default: break
            }
            if let first = firstCalls[t.id] { e.waits.append(first.timeIntervalSince(t.issuedAt)) }
            if let served = t.servedSeconds { e.services.append(served) }
            out[key(t)] = e
        }
        return out
    }

    static func check(_ figures: ServiceFigures, _ e: Expected, _ label: String) {
        #expect(
            figures.issued == e.issued && figures.served == e.served && figures.noShows == e.noShows && figures.left == e.left,
            "\(label): \(figures) vs \(e)")
        func same(_ d: DurationFigures, _ values: [Double], _ what: String) {
            #expect(d.count == values.count, "\(label) \(what) count")
            let average = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            #expect(
                abs((d.averageSeconds ?? -1) - (average ?? -1)) < 1e-6,
                "\(label) \(what) average \(String(describing: d.averageSeconds)) vs \(String(describing: average))")
            let p90 = Percentile.value(90, of: values)
            #expect(
                abs((d.p90Seconds ?? -1) - (p90 ?? -1)) < 1e-6,
                "\(label) \(what) p90 \(String(describing: d.p90Seconds)) vs \(String(describing: p90))")
        }
        same(figures.waiting, e.waits, "waiting")
        same(figures.service, e.services, "service")
    }

    @Test("counts, averages and p90 per service and in total match a brute-force computation", arguments: [UInt64(7), 2026])
    func bruteForce(seed: UInt64) async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        var sim = ReportSimulation(database: database, seed: seed)
        let days = [LocalDay("2026-11-02")!, LocalDay("2026-11-03")!]
        try await sim.run(day: days[0], tickets: 45)
        try await sim.run(day: days[1], tickets: 38)
        let store = SQLiteReportStore(database)
        let queueStore = SQLiteQueueStore(database)
        var allTickets: [Ticket] = []

        for day in days {
            let tickets = try await queueStore.read { try $0.tickets(day: day, states: Set(TicketState.allCases)) }
            allTickets += tickets
            let perService = Self.expected(tickets, firstCalls: sim.firstCalls, key: \.serviceID, issuedKey: \.issuedServiceID)
            let figures = try await store.serviceFigures(days: day...day)
            #expect(Set(figures.map(\.serviceID)) == Set(perService.keys))
            for f in figures { Self.check(f, perService[f.serviceID]!, "\(day) \(f.serviceID) seed \(seed)") }
            let total = Self.expected(tickets, firstCalls: sim.firstCalls, key: { _ in "" }, issuedKey: { _ in "" })[""]!
            Self.check(try await store.totalFigures(days: day...day), total, "\(day) total seed \(seed)")
        }
        #expect(
            allTickets.contains { $0.state == .noShow } && allTickets.contains { $0.transfers > 0 }
                && allTickets.contains { $0.state == .left } && allTickets.contains { $0.servedSecondsBeforeHold > 0 },
            "the simulation exercises no-shows, transfers, residents leaving and holds (seed \(seed))")
        let both = days[0]...days[1]
        let total = Self.expected(allTickets, firstCalls: sim.firstCalls, key: { _ in "" }, issuedKey: { _ in "" })[""]!
        Self.check(try await store.totalFigures(days: both), total, "both days seed \(seed)")
        let perDay = try await store.dayFigures(days: LocalDay("2026-11-01")!...LocalDay("2026-11-30")!)
        #expect(perDay.map(\.day) == days)
        #expect(perDay.map(\.issued) == days.map { d in allTickets.filter { $0.day == d }.count })
        #expect(perDay.map(\.served) == days.map { d in allTickets.filter { $0.day == d && $0.state == .done }.count })
        #expect(try await store.ratingCounts(days: both) == sim.rated)
        #expect(try await store.ratingCounts(days: LocalDay("2026-11-04")!...LocalDay("2026-11-30")!).isEmpty)
    }

    @Test("an empty period has zero counts and no averages")
    func empty() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let store = SQLiteReportStore(try temp.open())
        let day = LocalDay("2026-11-02")!
        #expect(try await store.serviceFigures(days: day...day).isEmpty)
        let total = try await store.totalFigures(days: day...day)
        #expect(total.issued == 0 && total.waiting.averageSeconds == nil && total.service.p90Seconds == nil)
        #expect(try await store.casesDue(days: day...day).isEmpty)
    }

    @Test("the report service fills every configured service and day, and reads cases due from the intake store")
    func reportService() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        try IntakeSeed.seedIfEmpty(
            database, catalog: try IntakeData.file("catalog/sample-catalog.json"),
            schedules: try IntakeData.schedules, at: Date())
        let clock = ManualClock(IntakeData.morning("2026-11-02"))
        let intake = IntakeService(store: SQLiteIntakeStore(database), clock: clock, settings: IntakeSettings(), sink: NullSink())
        let item = try await intake.catalog().items.first { $0.timeLimit.workingDays == 3 }!
        let opened = try await intake.open(OpenCaseRequest(itemID: item.id, applicant: try IntakeData.person(), clerk: "clerk1"))
        let accepted = try await intake.preReview(caseID: opened.id, marks: IntakeData.complete(item), clerk: "clerk1").intakeCase
        #expect(accepted.promisedDay == LocalDay("2026-11-05"))
        var sim = ReportSimulation(database: database, seed: 11)
        try await sim.run(day: LocalDay("2026-11-02")!, tickets: 6)
        clock.set(IntakeData.morning("2026-11-09"))
        let reports = ReportService(store: SQLiteReportStore(database), clock: clock, timeZone: ReportSimulation.timeZone)
        let month = try await reports.report(ReportPeriod("2026-11")!)
        #expect(month.services.map(\.serviceID) == ["general", "social"])
        #expect(month.days.count == 30 && month.days.filter { $0.issued > 0 }.map(\.day) == [LocalDay("2026-11-02")!])
        #expect(month.totals.issued == 6 && month.totals.serviceName == "合计")
        #expect(
            month.cases.due == 1 && month.cases.overdue == 1 && month.cases.stillOpen == 1
                && month.cases.overdueCaseNumbers == [accepted.number!], "still in review after its promised day")
        #expect(month.extendedHours == nil, "no ledger source plugged in yet")
        let october = try await reports.report(ReportPeriod("2026-10")!)
        #expect(october.totals.issued == 0 && october.cases.due == 0)
    }
}
