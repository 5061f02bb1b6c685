import Foundation
import HallCore

/// One hall's day on the banner dashboard, from the events the hub holds.
public struct HubHallDay: Codable, Sendable, Equatable {
    public var hall: String
    public var name: String
    /// How fresh the figures are: the latest event held, and when the last batch came.
    public var lastEventAt: Date?
    public var lastBatchAt: Date?
    /// Seconds since the last batch (nil before the first).
    public var lagSeconds: Int?
    /// Windows open now: of the windows the hall reported (`windows`), those not paused; for a hall
    /// that has not reported them, the windows that called a ticket on the day and are not paused now.
    public var windowsOpen: Int
    /// How many windows the hall has configured (nil: not reported yet).
    public var windowsConfigured: Int?
    /// The hall's windows as it last reported them (with its last batch).
    public var windows: [SyncWindow]?
    /// Tickets waiting now, per service (by the service now holding them, after transfers).
    public var waitingByService: [String: Int]
    public var waiting: Int
    /// How long the longest-waiting ticket has waited, in seconds (nil when nobody waits).
    public var longestWaitSeconds: Int?
    /// Tickets issued on the day.
    public var ticketsIssued: Int
    /// Ratings 不满意 / 非常不满意 of the day's tickets.
    public var badRatings: Int
    /// Follow-ups (of bad ratings and others) opened and not yet closed, done or cancelled.
    public var openFollowUps: Int
    /// Cases reported overdue, or due soon, and not finished since.
    public var overdueCases: Int
    public var dueSoonCases: Int
    /// The banner's catalog and calendars the hall runs (reported by the hall).
    public var versions: HubHallVersions?
}

/// One hall's month in the banner's monthly comparison.
public struct HubHallMonth: Codable, Sendable, Equatable {
    public var hall: String
    public var name: String
    /// Tickets issued on the month's days.
    public var ticketsIssued: Int
    /// 90th percentile (nearest rank) of issue → first call, in seconds, as the hall's report computes it.
    public var waitingP90Seconds: Double?
    /// Ratings of the month's tickets, and the share not bad (nil without ratings).
    public var ratings: Int
    public var satisfactionRate: Double?
    /// Minutes of appointment duty and of extended-hours service in the staff ledger, by the entries' days.
    public var appointmentMinutes: Int
    public var extendedMinutes: Int
}

/// The monthly comparison: every hall's month.
public struct HubMonthlyComparison: Codable, Sendable, Equatable {
    public var month: String
    public var halls: [HubHallMonth]

    /// The comparison as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese).
    public var csv: String {
        var lines = ["大厅,名称,月份,取号数,等候时长P90(秒),评价数,满意率,预约服务分钟,延时服务分钟"]
        for h in halls {
            let p90 = h.waitingP90Seconds.map { String(Int($0.rounded())) } ?? ""
            let rate = h.satisfactionRate.map { String(format: "%.3f", $0) } ?? ""
            lines.append(
                [h.hall, h.name, month, String(h.ticketsIssued), p90, String(h.ratings), rate, String(h.appointmentMinutes),
                 String(h.extendedMinutes)].map(Self.field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field, quoted when needed; a leading =, +, - or @ is neutralised (no spreadsheet formulas).
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        return value.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
