/// One stretch of opening on a working day, e.g. the morning 08:30–12:00.
public struct OpeningSession: Codable, Sendable, Hashable, CustomStringConvertible {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// `"08:30"`, `"12:00"`; traps on a malformed literal (for defaults and tests).
    public init(_ start: String, _ end: String) {
        guard let s = TimeOfDay(start), let e = TimeOfDay(end) else { fatalError("bad session \(start)–\(end)") }
        self.init(start: s, end: e)
    }

    /// `08:30–12:00`.
    public var description: String { "\(start)–\(end)" }
}
