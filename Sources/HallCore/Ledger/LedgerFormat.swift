import Foundation

/// How the ledger writes times and hours on pages, CSV and PDF.
public enum LedgerFormat {
    /// `17:42` in `timeZone`.
    public static func clock(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0)?.description ?? ""
    }

    /// Minutes as hours: 450 → "7.5", 480 → "8".
    public static func hours(minutes: Int) -> String { hours(Double(minutes) / 60) }

    /// 7.5 → "7.5", 8 → "8". Any value, however large (a refused request's hours are named in its
    /// message), is written without trapping.
    public static func hours(_ value: Double) -> String {
        if let whole = Int(exactly: value) { return String(whole) }
        return value.isFinite ? String(format: "%.1f", value) : String(describing: value)
    }
}
