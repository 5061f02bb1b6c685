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
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HubError {
            return try HubJSON.response(HubErrorBody(error), status: error.status)
        } catch let error as HTTPError {
            let body = ["error": "http_\(error.status.code)", "message": "请求无效"]
            return try HubJSON.response(body, status: error.status)
        } catch {
            context.logger.error("request failed: \(String(reflecting: type(of: error)))")
            return try HubJSON.response(["error": "internal", "message": "中心暂时无法处理，请稍后重试"], status: .internalServerError)
        }
    }
}
