/// A name from an open-ended set (event types, item categories): a string with named constants
/// (`static let ticketIssued: EventType = "ticket.issued"`), written in JSON as the string itself
/// (the standard library's `Codable` for string raw values).
public protocol OpenName: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenName {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}
