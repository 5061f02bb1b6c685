import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HallCore

/// A small client of halld's JSON API.
struct APIClient {
    let baseURL: URL
    /// Session or device token sent as `Authorization: Bearer …` (see `TokenStore`).
    var token: String? = nil

    /// An error the daemon returned, or a failure to reach it.
    enum ClientError: Error, CustomStringConvertible {
        case server(status: Int, code: String, message: String)
        case unreachable(String)
        case unexpected(String)

        var description: String {
            switch self {
            case .server(let status, let code, let message): "\(message) (\(code), HTTP \(status))"
            case .unreachable(let url): "cannot reach halld at \(url) — is it running? (set --url or HALL_URL)"
            case .unexpected(let detail): "unexpected answer from halld: \(detail)"
            }
        }
    }

    /// Sends a request and returns the raw JSON body of a successful answer.
    func send(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> Data {
        try await send(method, url: baseURL.appendingPathComponent(path), body: body)
    }

    /// Sends a request to `url` with the token and returns the raw JSON body of a successful answer.
    func send(_ method: String, url: URL, body: [String: Any]?) async throws -> Data {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw ClientError.unreachable(baseURL.absoluteString)
        }
        guard let http = response as? HTTPURLResponse else { throw ClientError.unexpected("no HTTP response") }
        guard (200..<300).contains(http.statusCode) else {
            if http.statusCode == 401, token == nil {
                throw ClientError.server(status: 401, code: "unauthorized", message: "请先登录：hallctl login（或设置 HALL_TOKEN）")
            }
            let error = try? JSONDecoder().decode([String: String].self, from: data)
            throw ClientError.server(status: http.statusCode, code: error?["error"] ?? "http_\(http.statusCode)",
                                     message: error?["message"] ?? String(decoding: data, as: UTF8.self))
        }
        return data
    }

    /// Sends a request and decodes the answer.
    func send<T: Decodable>(_ method: String, _ path: String, body: [String: Any]? = nil, as type: T.Type) async throws -> T {
        let data = try await send(method, path, body: body)
        do { return try HallJSON.decoder().decode(T.self, from: data) } catch {
            throw ClientError.unexpected("\(error)")
        }
    }
}
