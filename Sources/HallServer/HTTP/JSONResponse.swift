import Foundation
import HallCore
import Hummingbird
import NIOCore

/// Builds JSON responses in Hall's JSON dialect.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try HallJSON.encoder().encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Request {
    /// Decodes the JSON body, turning every decoding problem into a clear `APIError`.
    /// Bodies over `BodyLimit.bytes` are refused with 413.
    mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: HallRequestContext) async throws -> T {
        let limit = BodyLimit.bytes
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: limit)
        } catch {
            throw APIError.bodyTooLarge(limit: limit)
        }
        try requireJSONContentType()
        return try JSONTextCheck.decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Refuses a body sent as another media type than JSON (415); a body without `Content-Type`
    /// is read as JSON.
    func requireJSONContentType() throws {
        guard let header = headers[.contentType] else { return }
        let type = header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw APIError.unsupportedMediaType(String(header.prefix(64)))
        }
    }
}
