import Foundation
import HallCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
            case .unreachable(let url): "无法连接 halld（\(url)），请确认服务已启动，或用 --url / HALL_URL 指定地址"
            case .unexpected(let detail): "halld 的应答无法识别：\(detail)"
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
        guard let http = response as? HTTPURLResponse else { throw ClientError.unexpected("没有 HTTP 应答") }
        guard (200..<300).contains(http.statusCode) else {
            let error = try? JSONDecoder().decode([String: String].self, from: data)
            let code = error?["error"] ?? "http_\(http.statusCode)"
            throw ClientError.server(
                status: http.statusCode, code: code,
                message: Self.signInHint(status: http.statusCode, code: code)
                    ?? error?["message"] ?? String(decoding: data, as: UTF8.self))
        }
        return data
    }

    /// What to tell the user when the daemon wants a sign-in; nil for any other refusal, whose own
    /// message is shown (a wrong password is `bad_credentials`, not "please sign in").
    static func signInHint(status: Int, code: String) -> String? {
        guard status == 401 else { return nil }
        switch code {
        case "unauthorized", "http_401": return "请先登录：hallctl login（或设置 HALL_TOKEN）"
        case "session_expired": return "登录已过期，请重新登录：hallctl login"
        default: return nil
        }
    }

    /// Sends a request and decodes the answer.
    func send<T: Decodable>(_ method: String, _ path: String, body: [String: Any]? = nil, as type: T.Type) async throws -> T {
        let data = try await send(method, path, body: body)
        do { return try HallJSON.decoder().decode(T.self, from: data) } catch {
            throw ClientError.unexpected("\(error)")
        }
    }
}
