import Foundation
import HallCore
import HallHub

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A browser's side of the banner's API: signs in, keeps the `hub_session` cookie by hand (no
/// cookie store), and sends JSON with it.
final class BannerClient: @unchecked Sendable {
    let base: String
    private(set) var cookie: String?
    private(set) var lastSetCookie: String?

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        return URLSession(configuration: configuration)
    }()

    init(_ base: String) { self.base = base }

    /// Signs in; returns the answer (the cookie is kept on success).
    @discardableResult
    func signIn(_ username: String, _ password: String, from address: String? = nil) async throws -> HubHTTP.Answer {
        let answer = try await send("POST", "/api/session", json: BannerSignIn(username: username, password: password), headers: [
            "X-Forwarded-For": address
        ])
        if answer.status == 200, let set = lastSetCookie, let pair = set.split(separator: ";").first { cookie = String(pair) }
        return answer
    }

    func get(_ path: String) async throws -> HubHTTP.Answer { try await send("GET", path, body: nil) }

    func send<T: Encodable>(_ method: String, _ path: String, json: T, headers: [String: String?] = [:]) async throws -> HubHTTP.Answer {
        try await send(method, path, body: try HallJSON.encoder().encode(json), headers: headers)
    }

    func send(_ method: String, _ path: String, body: Data?, headers: [String: String?] = [:]) async throws -> HubHTTP.Answer {
        guard let url = URL(string: base + path) else { throw TestFailure("bad URL \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { if let value { request.setValue(value, forHTTPHeaderField: name) } }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as? HTTPURLResponse
        lastSetCookie = http?.value(forHTTPHeaderField: "Set-Cookie")
        return HubHTTP.Answer(status: http?.statusCode ?? 0, body: data, retryAfter: http?.value(forHTTPHeaderField: "Retry-After"))
    }
}
