/// The span a report covers: one local day, or one calendar month.
public enum ReportPeriod: Codable, Sendable, Hashable {
    case daily(LocalDay)
    case monthly(year: Int, month: Int)

    /// Parses `2026-11-25` (daily) or `2026-11` (monthly).
    public init?(_ text: String) {
        if let day = LocalDay(text) { self = .daily(day); return }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
            (1...12).contains(m), (1900...9999).contains(y)
        else { return nil }
        self = .monthly(year: y, month: m)
    }

    /// The first and last day covered.
    public var days: ClosedRange<LocalDay> {
        switch self {
        case .daily(let day): return day...day
        case .monthly(let y, let m):
            let first = LocalDay(year: y, month: m, day: 1)
            let next = m == 12 ? LocalDay(year: y + 1, month: 1, day: 1) : LocalDay(year: y, month: m + 1, day: 1)
            return first...next.adding(days: -1)
        }
    }

    /// `2026-11-25` or `2026-11`: how the period is written in URLs and file names.
    public var key: String {
        switch self {
        case .daily(let day): day.description
        case .monthly(let y, let m): "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
        }
    }

    /// `2026年11月25日` or `2026年11月`.
    public var label: String {
        switch self {
        case .daily(let d): "\(d.year)年\(d.month)月\(d.day)日"
        case .monthly(let y, let m): "\(y)年\(m)月"
        }
    }

    /// `daily` or `monthly`.
    public var kind: String {
        switch self {
        case .daily: "daily"
        case .monthly: "monthly"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, key, label, first, last }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let key = try c.decode(String.self, forKey: .key)
        guard let period = ReportPeriod(key) else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: c, debugDescription: "expected yyyy-MM-dd or yyyy-MM")
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(days.lowerBound, forKey: .first)
        try c.encode(days.upperBound, forKey: .last)
    }
}
