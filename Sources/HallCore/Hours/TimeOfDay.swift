/// A wall-clock time in the hall's own time zone, written `HH:mm` (e.g. `17:30`).
public struct TimeOfDay: TextCodable, Sendable, Hashable, Comparable {
    public static let textFormat = "HH:mm"

    /// Minutes after local midnight, 0…1439.
    public let minutes: Int

    /// `hour` 0…23, `minute` 0…59; nil otherwise.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:mm` (or `H:mm`); nil when it is not a time of day.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// `08:30`.
    public var description: String {
        (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
