import Foundation

extension APIClient {
    /// Like `send`, for a path with query parameters (`send` would escape the `?`).
    func send(_ method: String, _ path: String, query: [URLQueryItem], body: [String: Any]? = nil) async throws -> Data {
        guard !query.isEmpty else { return try await send(method, path, body: body) }
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        components?.queryItems = query
        // URLComponents leaves `+` as it is, which a query string reads as a space (halld does too).
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        guard let url = components?.url else { throw ClientError.unexpected("无法为 \(path) 组成查询地址") }
        return try await send(method, url: url, body: body)
    }
}
