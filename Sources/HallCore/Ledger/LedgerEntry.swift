import Foundation

/// One line of the ledger: a staff member's minutes of appointment or extended service on a day,
/// and what was served.
public struct LedgerEntry: Codable, Sendable, Equatable, Identifiable {
    /// A correction by the center head, on the record.
    public struct Adjustment: Codable, Sendable, Equatable {
        public var at: Date
        public var by: String
        public var fromMinutes: Int
        public var toMinutes: Int
        public var reason: String
    }

    /// Store-assigned; 0 until stored.
    public var id: Int64
    /// The staff member's user name.
    public var staff: String
    public var kind: LedgerKind
    /// The local day of the service.
    public var day: LocalDay
    public var start: Date
    public var end: Date
    /// Minutes that count (after any adjustment).
    public var minutes: Int
    /// Minutes as first recorded or computed.
    public var recordedMinutes: Int
    /// What was served: ticket numbers (B003) and case numbers.
    public var served: [String]
    public var note: String
    public var source: LedgerSource
    /// The extended period it was computed from, if any.
    public var sessionID: Int64?
    /// The appointment slot whose duty it records, if any: one entry per slot and staff member.
    public var slotID: Int64?
    /// Who recorded it (`system` for computed entries).
    public var recordedBy: String
    public var recordedAt: Date
    public var adjustments: [Adjustment]

    public init(
        id: Int64 = 0, staff: String, kind: LedgerKind, day: LocalDay, start: Date, end: Date, minutes: Int,
        served: [String] = [], note: String = "", source: LedgerSource, sessionID: Int64? = nil,
        slotID: Int64? = nil, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.staff = staff
        self.kind = kind
        self.day = day
        self.start = start
        self.end = end
        self.minutes = minutes
        self.recordedMinutes = minutes
        self.served = served
        self.note = note
        self.source = source
        self.sessionID = sessionID
        self.slotID = slotID
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.adjustments = []
    }

    /// Whole minutes between `start` and `end`, rounded to the nearest minute.
    public static func minutes(from start: Date, to end: Date) -> Int {
        max(0, Int((end.timeIntervalSince(start) / 60).rounded()))
    }
}
