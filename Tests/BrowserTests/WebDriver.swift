import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small client of the W3C WebDriver protocol (JSON over HTTP), enough to drive headless
/// Chromium through Debian's `chromedriver`: open pages, find elements, click, type, run
/// scripts, take screenshots.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let port: Int
    private let session: String
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Opens a browser session on the chromedriver listening on `port`, with `extraArguments` for Chromium.
    init(port: Int, chromium: String, extraArguments: [String] = []) async throws {
        self.port = port
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1280,900", "--lang=zh-CN", "--no-first-run",
                        ] + extraArguments,
                    ],
                ]
            ]
        ]
        let answer = try await Self.call(port, "POST", "/session", capabilities)
        guard let value = answer as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver did not open a session: \(String(describing: answer))")
        }
        session = id
    }

    private var sessionPath: String { "/session/\(session)" }

    @discardableResult
    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(port, method, "\(sessionPath)/\(path)", body ?? (method == "POST" ? [:] : nil))
    }

    private static func call(_ port: Int, _ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let answer = try await DriverHTTP.send(port: port, method: method, path: path, body: payload)
        let object = try? JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed]) as? [String: Any]
        let value = object?["value"]
        if answer.status >= 400 || answer.status == 0 {
            let error =
                (value as? [String: Any]).map { "\($0["error"] ?? ""): \($0["message"] ?? "")" }
                ?? String(decoding: answer.body, as: UTF8.self)
            throw Failure(description: "WebDriver \(method) \(path) failed (\(answer.status)): \(error.prefix(500))")
        }
        return value is NSNull ? nil : value
    }

    func open(_ url: URL) async throws { try await command("POST", "url", ["url": url.absoluteString]) }

    /// Resizes the browser window to a device's size (1366×768 for an office PC, 1080×1920 for a kiosk).
    func setWindowSize(width: Int, height: Int) async throws {
        try await command("POST", "window/rect", ["width": width, "height": height])
    }

    /// Sizes the window so that the page's viewport is `width`×`height` CSS pixels, the device's
    /// real screen (the window's own frame is measured and added).
    func setViewport(width: Int, height: Int) async throws {
        try await setWindowSize(width: width, height: height)
        let inner = try await script("return [window.innerWidth, window.innerHeight];") as? [Int] ?? [width, height]
        guard inner.count == 2, inner != [width, height] else { return }
        try await setWindowSize(width: 2 * width - inner[0], height: 2 * height - inner[1])
    }

    /// The element matching a CSS selector (throws when there is none).
    func element(_ css: String) async throws -> String {
        let value = try await command("POST", "element", ["using": "css selector", "value": css])
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func click(_ css: String) async throws { try await command("POST", "element/\(try await element(css))/click") }

    /// Clicks once the element is visible, retrying while the page is still re-rendering it
    /// (a click on an element that a re-render just replaced or hid is refused).
    func tap(_ css: String, timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            try await waitVisible(css, timeout: timeout)
            do { return try await click(css) } catch let failure as Failure {
                guard ContinuousClock.now < deadline,
                    failure.description.contains("not interactable") || failure.description.contains("stale element")
                else { throw failure }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        try await command("POST", "element/\(id)/clear")
        try await command("POST", "element/\(id)/value", ["text": text])
    }

    /// The rendered text of an element. A live page may replace the element between finding and
    /// reading it; then it is found again.
    func text(_ css: String) async throws -> String {
        for attempt in 1... {
            do {
                return (try await command("GET", "element/\(try await element(css))/text") as? String) ?? ""
            } catch let failure as Failure where failure.description.contains("stale element") && attempt < 20 {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        fatalError("unreachable")
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
        try await waitUntil(
            "\(css) to be visible", timeout: timeout,
            """
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

    func quit() async { _ = try? await Self.call(port, "DELETE", sessionPath, nil) }

    static func jsString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
