import Foundation

/// A time range within one day, in minutes after local midnight, e.g. 09:00–11:30.
public struct SlotTime: Codable, Sendable, Hashable, CustomStringConvertible {
    /// First minute of the range (inclusive).
    public var startMinute: Int
    /// End of the range (exclusive), at most 24:00.
    public var endMinute: Int

    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A range from `HH:mm` texts; throws `AppointmentError.badTime` for anything else or a reversed range.
    public init(start: String, end: String) throws {
        guard let from = Self.minutes(start) else { throw AppointmentError.badTime(start) }
        guard let to = Self.minutes(end) else { throw AppointmentError.badTime(end) }
        self.init(startMinute: from, endMinute: to)
        try validate()
    }

    /// Refuses a range that is empty, reversed or outside the day.
    public func validate() throws {
        guard (0..<1440).contains(startMinute), (1...1440).contains(endMinute), startMinute < endMinute else {
            throw AppointmentError.badTimeRange(Self.text(startMinute), Self.text(endMinute))
        }
    }

    /// `09:00–11:30`.
    public var description: String { "\(Self.text(startMinute))–\(Self.text(endMinute))" }

    /// The instant the range starts on `day`.
    public func start(on day: LocalDay, in timeZone: TimeZone) -> Date {
        day.instant(minutesAfterMidnight: startMinute, in: timeZone)
    }

    /// The instant the range ends on `day`.
    public func end(on day: LocalDay, in timeZone: TimeZone) -> Date {
        day.instant(minutesAfterMidnight: endMinute, in: timeZone)
    }

    /// `HH:mm` → minutes after midnight (24:00 allowed as the end of the day); nil when malformed.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...59).contains(minutes)
        else { return nil }
        guard (0...23).contains(hours) || (hours == 24 && minutes == 0) else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes after midnight → `HH:mm`.
    public static func text(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
