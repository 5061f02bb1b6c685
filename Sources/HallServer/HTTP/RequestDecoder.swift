import Foundation
import HallCore

/// The decoder of request bodies: `HallJSON.decoder()`, except that a date-time is read as RFC 3339
/// allows it (the OpenAPI document's `format: date-time`), fractional seconds included:
/// `2026-12-07T09:00:00Z` and `2026-12-07T09:00:00.25+08:00` alike. Stored events and hallctl keep
/// `HallJSON`'s stricter, faster reading.
enum RequestDecoder {
    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func make() -> JSONDecoder {
        let decoder = HallJSON.decoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            if let date = try? whole.parse(text) { return date }
            if let date = try? fractional.parse(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date-time: \(text)")
        }
        return decoder
    }
}
