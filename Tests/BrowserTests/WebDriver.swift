import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of the W3C WebDriver protocol (JSON over HTTP), enough to drive headless
/// Chromium through Debian's `chromedriver`: open pages, find elements, click, type, run
/// scripts, take screenshots.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let base: URL
    private let session: String
    private let http: URLSession
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Opens a browser session on the driver at `driverURL`.
    init(driverURL: URL, chromium: String) async throws {
        base = driverURL
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        http = URLSession(configuration: configuration)
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": chromium,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                            "--window-size=1280,900", "--lang=zh-CN", "--no-first-run"]],
        ]]]
        let answer = try await Self.call(http, "POST", base.appendingPathComponent("session"), capabilities)
        guard let value = answer as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver did not open a session: \(String(describing: answer))")
        }
        session = id
    }

    private var sessionURL: URL { base.appendingPathComponent("session").appendingPathComponent(session) }

    @discardableResult
    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(http, method, sessionURL.appendingPathComponent(path), body ?? (method == "POST" ? [:] : nil))
    }

    private static func call(_ http: URLSession, _ method: String, _ url: URL, _ body: [String: Any]?) async throws -> Any? {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await http.data(for: request)
        let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if let status = (response as? HTTPURLResponse)?.statusCode, status >= 400 {
            let error = (value as? [String: Any]).map { "\($0["error"] ?? ""): \($0["message"] ?? "")" } ?? String(decoding: data, as: UTF8.self)
            throw Failure(description: "WebDriver \(method) \(url.path) failed (\(status)): \(error.prefix(500))")
        }
        return value is NSNull ? nil : value
    }

    func open(_ url: URL) async throws { try await command("POST", "url", ["url": url.absoluteString]) }

    /// The element matching a CSS selector (throws when there is none).
    func element(_ css: String) async throws -> String {
        let value = try await command("POST", "element", ["using": "css selector", "value": css])
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func click(_ css: String) async throws { try await command("POST", "element/\(try await element(css))/click") }

    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        try await command("POST", "element/\(id)/clear")
        try await command("POST", "element/\(id)/value", ["text": text])
    }

    /// The rendered text of an element.
    func text(_ css: String) async throws -> String {
        (try await command("GET", "element/\(try await element(css))/text") as? String) ?? ""
    }

    /// Runs JavaScript in the page and returns its result.
    @discardableResult
    func script(_ source: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "execute/sync", ["script": source, "args": arguments])
    }

    /// Waits until `source` (a JavaScript expression body returning a truthy value) holds.
    func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ source: String) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let ok = try await script(source) as? Bool, ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for \(what)")
    }

    /// Waits until the element exists and neither it nor an ancestor is hidden, and returns its text.
    @discardableResult
    func waitVisible(_ css: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await waitUntil("\(css) to be visible", timeout: timeout, """
            const e = document.querySelector(\(Self.jsString(css)));
            return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            """)
        return try await text(css)
    }

    /// Saves a PNG screenshot of the page.
    func screenshot(to file: URL) async throws {
        guard let base64 = try await command("GET", "screenshot") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func quit() async { _ = try? await Self.call(http, "DELETE", sessionURL, nil) }

    static func jsString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
