import Foundation

/// One hall's figures of one day, from the events of the day's tickets: what a closed day's
/// roll-up (`hall_day`) keeps, and what the live query gives for today (the waits, for the
/// month's p90, stay in PostgreSQL: `HubStore.waitingP90`).
struct HubDayFigures: Sendable {
    var issued = 0
    var ratings = 0
    var bad = 0
    /// The windows that called a ticket of the day.
    var windows: [Int] = []
    /// Tickets whose latest state is waiting, per service: how many, and the oldest issue time.
    var waiting: [String: (count: Int, oldest: Date)] = [:]

    /// A row of `HubDashboardSQL.dayFigures` or of `hall_day`; `waiting` is the JSON
    /// `{service: [count, oldest epoch seconds]}`.
    init(issued: Int64, ratings: Int64, bad: Int64, windows: [Int32], waiting: String) {
        self.issued = Int(issued)
        self.ratings = Int(ratings)
        self.bad = Int(bad)
        self.windows = windows.map(Int.init)
        let pairs = (try? JSONDecoder().decode([String: [Double]].self, from: Data(waiting.utf8))) ?? [:]
        for (service, pair) in pairs where pair.count == 2 && pair[0].isFinite && pair[0] >= 0 && pair[0] < 1e9 {
            self.waiting[service] = (Int(pair[0]), Date(timeIntervalSince1970: pair[1]))
        }
    }

    init() {}
}
