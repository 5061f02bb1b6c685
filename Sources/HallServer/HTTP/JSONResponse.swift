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
        let data = Data(buffer.readableBytesView)
        try JSONTextCheck.check(data)
        do {
            return try HallJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError.malformedJSON(Self.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let c): return "缺少字段 \((path(c).isEmpty ? "" : path(c) + ".") + key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "字段 \(path(c)) 的类型不对"
        case .dataCorrupted(let c): return path(c).isEmpty ? "无法解析" : "字段 \(path(c)) 的值无效"
        @unknown default: return "无法解析"
        }
    }
}
