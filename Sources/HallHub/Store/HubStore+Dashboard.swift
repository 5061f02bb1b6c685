import Foundation
import HallCore
import PostgresNIO

extension HubStore {
    /// Every hall's figures of `day` at `now`, from the events held (the dashboard's table).
    public func dashboard(day: LocalDay, at now: Date = Date()) async throws -> [HubHallDay] {
        let dayText = day.description
        var halls: [String: HubHallDay] = [:]
        var order: [String] = []
        let decoder = HallJSON.decoder()
        for (id, name, batchAt, lastAt, windowsJSON) in try await database.rows(
            """
            SELECT h.id, h.name, h.last_batch_at,
              (SELECT e.at FROM hall_event e WHERE e.hall_id = h.id ORDER BY e.sequence DESC LIMIT 1), h.windows::text
            FROM hall h ORDER BY h.id
            """, logger: logger
        ).decode((String, String, Date?, Date?, String?).self) {
            order.append(id)
            let windows = windowsJSON.flatMap { try? decoder.decode([SyncWindow].self, from: Data($0.utf8)) }
            halls[id] = HubHallDay(
                hall: id, name: name, lastEventAt: lastAt, lastBatchAt: batchAt,
                lagSeconds: batchAt.map { max(0, Int(now.timeIntervalSince($0).rounded(.down))) },
                windowsOpen: windows?.filter(\.isOpen).count ?? 0, windowsConfigured: windows?.count, windows: windows, waitingByService: [:],
                waiting: 0, longestWaitSeconds: nil, ticketsIssued: 0, badRatings: 0, openFollowUps: 0, overdueCases: 0, dueSoonCases: 0,
                versions: nil)
        }
        var paused = Set<[String]>()
        for (id, window) in try await database.rows(HubDashboardSQL.paused, logger: logger).decode((String, Int32).self) {
            paused.insert([id, String(window)])
        }
        for (id, days) in try await dayFigures(from: dayText, through: dayText) {
            guard let figures = days[dayText] else { continue }
            for (service, waiting) in figures.waiting {
                halls[id]?.waitingByService[service] = waiting.count
                halls[id]?.waiting += waiting.count
                let waited = max(0, Int(now.timeIntervalSince(waiting.oldest).rounded(.down)))
                let longest = halls[id]?.longestWaitSeconds ?? 0
                halls[id]?.longestWaitSeconds = max(longest, waited)
            }
            halls[id]?.ticketsIssued = figures.issued
            halls[id]?.badRatings = figures.bad
            // A hall that has not reported its windows: those that called today and are not paused.
            if halls[id]?.windows == nil { halls[id]?.windowsOpen = figures.windows.filter { !paused.contains([id, String($0)]) }.count }
        }
        for (id, followUps, overdue, dueSoon) in try await database.rows(HubDashboardSQL.open, logger: logger)
            .decode((String, Int64, Int64, Int64).self)
        {
            halls[id]?.openFollowUps = Int(followUps)
            halls[id]?.overdueCases = Int(overdue)
            halls[id]?.dueSoonCases = Int(dueSoon)
        }
        let running = try await self.versions()
        for id in order { halls[id]?.versions = running[id] }
        return order.compactMap { halls[$0] }
    }

    /// Every hall's figures of the month `year`-`month` (the monthly comparison).
    public func monthly(year: Int, month: Int) async throws -> HubMonthlyComparison {
        let period = ReportPeriod.monthly(year: year, month: month)
        let days = period.days
        let (first, last) = (days.lowerBound.description, days.upperBound.description)
        var halls: [String: HubHallMonth] = [:]
        var order: [String] = []
        for (id, name) in try await database.rows("SELECT id, name FROM hall ORDER BY id", logger: logger)
            .decode((String, String).self)
        {
            order.append(id)
            halls[id] = HubHallMonth(
                hall: id, name: name, ticketsIssued: 0, waitingP90Seconds: nil, ratings: 0, satisfactionRate: nil, appointmentMinutes: 0,
                extendedMinutes: 0)
        }
        // The three queries are independent: run side by side on the pool's connections.
        async let waits = waitingP90(from: days.lowerBound, through: days.upperBound)
        async let figures = dayFigures(from: first, through: last)
        async let ledger = ledgerMinutes(from: first, through: last)
        let p90 = try await waits
        for (id, days) in try await figures {
            let issued = days.values.map(\.issued).reduce(0, +)
            let ratings = days.values.map(\.ratings).reduce(0, +), bad = days.values.map(\.bad).reduce(0, +)
            halls[id]?.ticketsIssued = issued
            halls[id]?.ratings = ratings
            halls[id]?.satisfactionRate = ratings == 0 ? nil : Double(ratings - bad) / Double(ratings)
            halls[id]?.waitingP90Seconds = p90[id]
        }
        for (id, appointment, extended) in try await ledger {
            halls[id]?.appointmentMinutes = Int(appointment)
            halls[id]?.extendedMinutes = Int(extended)
        }
        return HubMonthlyComparison(month: period.key, halls: order.compactMap { halls[$0] })
    }

    /// Each hall's appointment and extended-service minutes recorded in the ledger between the two days.
    private func ledgerMinutes(from first: String, through last: String) async throws -> [(String, Int64, Int64)] {
        var minutes: [(String, Int64, Int64)] = []
        for row in try await database.rows(HubDashboardSQL.ledger(first, last), logger: logger).decode((String, Int64, Int64).self) {
            minutes.append(row)
        }
        return minutes
    }
}
