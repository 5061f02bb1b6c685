/// How the center recognises one person across bookings: `id:<ID number>`, or `phone:<number>`
/// when no ID number was given.
public struct PersonKey: Codable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(idNumber: ChineseIDNumber?, phone: PhoneNumber) {
        rawValue = idNumber.map { "id:\($0.value)" } ?? "phone:\(phone.value)"
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
