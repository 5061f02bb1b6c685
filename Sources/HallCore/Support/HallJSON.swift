import Foundation

/// The one JSON dialect of Hall (API, event stream, stored events, hallctl): ISO 8601 dates,
/// sorted keys. Encoding is not I/O, so it lives in the core where every side can share it.
public enum HallJSON {
    /// A new encoder (JSONEncoder is not Sendable; make one per use or per owner).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder matching `encoder()`.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Encodes `value` as a UTF-8 string.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
