/// A value written in JSON as one string: parsed by `init?(_:)`, written as its `description`
/// (`"17:30"`, `"05-01"`, `"2026-11"`). Conforming types get `Codable` from this protocol.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the text form; nil when it is not a valid value.
    init?(_ text: String)
    /// The expected form, for decoding errors (e.g. `HH:mm`).
    static var textFormat: String { get }
}

extension TextCodable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected \(Self.textFormat), got \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
