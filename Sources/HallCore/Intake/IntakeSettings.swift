import Foundation

/// The intake rules a hall can tune.
public struct IntakeSettings: Codable, Sendable, Equatable {
    /// The hall's time zone: decides the local day of acceptance.
    public var timeZoneIdentifier: String
    /// Working days the applicant gets to correct materials (补正期限).
    public var correctionWorkingDays: Int
    /// A running case with at most this many working days left is due soon.
    public var dueSoonWorkingDays: Int
    /// Explicit opt-in: accept cases whose dates run into a year without an official schedule,
    /// computing that year with weekends only and flagging the case. Off: such acceptance is refused.
    public var allowProvisionalDates: Bool
    /// Case number prefix (`BM`).
    public var caseNumberPrefix: String

    public init(
        timeZoneIdentifier: String = "Asia/Shanghai", correctionWorkingDays: Int = 5, dueSoonWorkingDays: Int = 1,
        allowProvisionalDates: Bool = false, caseNumberPrefix: String = CaseNumber.defaultPrefix
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.correctionWorkingDays = correctionWorkingDays
        self.dueSoonWorkingDays = dueSoonWorkingDays
        self.allowProvisionalDates = allowProvisionalDates
        self.caseNumberPrefix = caseNumberPrefix
    }

    /// The configured time zone (Asia/Shanghai for an unknown identifier).
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Shanghai")! }

    /// The calendar mode dates are computed in.
    public var calendarMode: CalendarMode { allowProvisionalDates ? .provisional : .strict }
}
