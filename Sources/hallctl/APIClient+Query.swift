import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension APIClient {
    /// Like `send`, for a path with query parameters (`send` would escape the `?`).
    func send(_ method: String, _ path: String, query: [URLQueryItem], body: [String: Any]? = nil) async throws -> Data {
        guard !query.isEmpty else { return try await send(method, path, body: body) }
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        components?.queryItems = query
        guard let url = components?.url else { throw ClientError.unexpected("bad query for \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data, response: URLResponse
        do { (data, response) = try await URLSession.shared.data(for: request) } catch {
            throw ClientError.unreachable(baseURL.absoluteString)
        }
        guard let http = response as? HTTPURLResponse else { throw ClientError.unexpected("no HTTP response") }
        guard (200..<300).contains(http.statusCode) else {
            let error = try? JSONDecoder().decode([String: String].self, from: data)
            throw ClientError.server(status: http.statusCode, code: error?["error"] ?? "http_\(http.statusCode)",
                                     message: error?["message"] ?? String(decoding: data, as: UTF8.self))
        }
        return data
    }
}
