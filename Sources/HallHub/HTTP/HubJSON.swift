import Foundation
import HallCore
import Hummingbird

/// JSON in and out of the hub's routes (ISO 8601 dates, as halls write them).
enum HubJSON {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try HallJSON.encoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { throw HubError.badRequest("请求过大") }
        do {
            return try HallJSON.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw T.self == SyncBatch.self ? HubError.malformedBatch("无法读取") : HubError.badRequest("无法读取 JSON")
        }
    }
}

/// Turns every error into the hub's JSON refusal; anything else is a 500 without details.
struct HubErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HubError {
            return try HubJSON.response(HubErrorBody(error), status: error.status)
        } catch let failure as any HallFailure {
            var response = try HubJSON.response(["error": failure.code, "message": failure.message], status: Self.status(failure.kind))
            if let seconds = failure.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
            return response
        } catch let error as HTTPError {
            let body = ["error": "http_\(error.status.code)", "message": "请求无效"]
            return try HubJSON.response(body, status: error.status)
        } catch {
            context.logger.error("request failed: \(String(reflecting: type(of: error)))")
            return try HubJSON.response(["error": "internal", "message": "中心暂时无法处理，请稍后重试"], status: .internalServerError)
        }
    }
}

extension HubErrorMiddleware {
    /// The HTTP status of a failure's kind.
    static func status(_ kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .methodNotAllowed: .methodNotAllowed
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .throttled: .tooManyRequests
        case .unavailable: .serviceUnavailable
        }
    }
}
