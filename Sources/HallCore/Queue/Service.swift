/// A line of business residents queue for (社保医保, 民政残联, …), with its ticket prefix.
public struct Service: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier used in URLs and configuration, e.g. `social-insurance`.
    public var id: String
    /// Chinese name shown on screens and tickets, e.g. 社保医保.
    public var name: String
    /// Ticket number prefix, e.g. `B` gives B001, B002, …
    public var prefix: String
    /// Typical minutes to serve one resident, used for wait estimates until real durations exist.
    public var typicalServiceMinutes: Double
    /// One line on what the service covers, shown on the kiosk's button (e.g. 社保参保、医保报销、
    /// 养老金资格认证); configuration only, nil when not set.
    public var description: String?
    /// The name in traditional Mongolian, shown beside `name` on the pages of a bilingual hall
    /// (`center.languages`); configuration only, nil when not set.
    public var mongolianName: String?

    public init(
        id: String, name: String, prefix: String, typicalServiceMinutes: Double = 8, description: String? = nil,
        mongolianName: String? = nil
    ) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.typicalServiceMinutes = typicalServiceMinutes
        self.description = description
        self.mongolianName = mongolianName
    }
}

extension Service {
    /// The first of `services` whose id or Chinese name is `key`, else the first whose ticket
    /// prefix is `key` in any case (prefixes are ASCII letters).
    public static func named(_ key: String, in services: [Service]) -> Service? {
        services.first { $0.id == key || $0.name == key }
            ?? services.first { $0.prefix.caseInsensitiveCompare(key) == .orderedSame }
    }
}
