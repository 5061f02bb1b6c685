import Foundation
import HallCore
import HallEmulators
import HallServer
import HallTestSupport
import Hummingbird

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A live hall for browser tests: a HallServer on a free port and a temporary database, Debian's
/// `chromedriver` on another free port, and one headless Chromium session driven over WebDriver.
final class BrowserHarness: @unchecked Sendable {
    static let kioskToken = "browser-kiosk-token-0001"
    /// The rating pad of window 3.
    static let padToken = "browser-pad-token-0003"
    static let adminPassword = "browser-admin-2026"
    static let staffPassword = "browser-staff-2026"
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let http: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }()

    let server: HallServer
    let baseURL: URL
    let browser: WebDriver
    private let folder: URL
    private var serverTask: Task<Void, any Error>
    private let driver: Process

    /// The shipped data (`data/`: the sample catalog and the official calendars).
    static let dataDirectory = PackagePaths.url("data").path
    /// The shipped device models (`devices/`).
    static let devicesDirectory = PackagePaths.url("devices").path
    /// Where screenshots go: `artifacts/screenshots/` at the package root (gitignored).
    static let screenshots = PackagePaths.url("artifacts/screenshots")

    /// - Parameters:
    ///   - clock: the hall's clock (a `ManualClock` pins dates that deadlines depend on).
    ///   - configure: changes to the demo configuration (e.g. the office printer). The kiosk issues
    ///     tickets at any time of day unless `configure` says otherwise, so tests of other features
    ///     do not depend on when they run.
    ///   - browserArguments: more Chromium flags (e.g. the fake microphone's).
    init(
        clock: any HallClock = SystemClock(), browserArguments: [String] = [],
        configure: (inout HallConfiguration) -> Void = { _ in }
    ) async throws {
        for program in [Self.chromium, Self.chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            throw WebDriver.Failure(description: "\(program) is missing: run scripts/deps.sh test (Debian packages chromium, chromium-driver)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-browser-\(UUID().uuidString)")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.accounts.passwordCost = 4
        configuration.accounts.initialAdminPassword = Self.adminPassword
        configuration.devices.kiosks = [.init(id: "kiosk-browser", token: Self.kioskToken)]
        configuration.devices.ratingPads = [.init(id: "pad-browser-3", token: Self.padToken, window: 3)]
        configuration.extendedHours.refuseTicketsAfterClosing = false
        configure(&configuration)
        server = try HallServer(configuration: configuration, clock: clock, standIns: DemoDevices(stateDirectory: folder))
        let port = PortBox()
        serverTask = Self.run(server, port: 0, onPort: port)
        baseURL = URL(string: "http://127.0.0.1:\(try await port.wait())")!

        let driverPort = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(driverPort)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        do {
            var lastError = "no answer"
            for attempt in 0...200 {
                guard attempt < 200 else { throw WebDriver.Failure(description: "chromedriver did not start on port \(driverPort): \(lastError)") }
                do {
                    if try await DriverHTTP.send(port: driverPort, method: "GET", path: "/status", body: nil).status == 200 { break }
                } catch { lastError = "\(error)" }
                try await Task.sleep(for: .milliseconds(50))
            }
            browser = try await WebDriver(port: driverPort, chromium: Self.chromium, extraArguments: browserArguments)
        } catch {
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            serverTask.cancel()
            throw error
        }
    }

    /// Serves `server` on `port` (0 = any free one, reported to `onPort`). The demo hall's devices
    /// run too (virtual printer and LED screens), as under halld.
    private static func run(_ server: HallServer, port: Int, onPort: PortBox) -> Task<Void, any Error> {
        let app = server.makeApplication(port: port) { onPort.set($0) }
        return Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await server.devices.run() }
                group.addTask { try await app.run() }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// Stops the hall app (its WebSocket connections close; pages see the server go away) and starts
    /// it again on the same port, with the same database and devices.
    func restartServer() async throws {
        serverTask.cancel()
        _ = try? await serverTask.value
        let started = PortBox()
        serverTask = Self.run(server, port: baseURL.port!, onPort: started)
        _ = try await started.wait()
    }

    func url(_ path: String) -> URL { URL(string: path, relativeTo: baseURL)!.absoluteURL }

    func screenshot(_ name: String) async throws {
        try await browser.screenshot(to: Self.screenshots.appendingPathComponent("\(name).png"))
    }

    /// Creates a staff account through the API as `admin` (display name 测试<username> unless given).
    func createAccount(_ username: String, roles: [Role], displayName: String? = nil, department: String? = nil) async throws {
        let token = try await signIn("admin", Self.adminPassword)
        var body: [String: Any] = [
            "username": username, "displayName": displayName ?? "测试\(username)",
            "roles": roles.map(\.rawValue), "password": Self.staffPassword,
        ]
        if let department { body["departmentID"] = department }
        _ = try await api("POST", "/api/accounts", body, token: token)
    }

    /// Signs in on the page's sign-in form (every staff page has the same one).
    func signInOnPage(_ username: String, _ password: String = staffPassword) async throws {
        try await browser.waitVisible("#login-form")
        try await browser.type("#username", username)
        try await browser.type("#password", password)
        try await browser.tap("#login-button")
    }

    /// Signs in through the API and returns the session token.
    func signIn(_ username: String, _ password: String = staffPassword) async throws -> String {
        try await api("POST", "/api/session", ["username": username, "password": password])["token"] as! String
    }

    /// Opens the staff page at `path` and signs in on its login form.
    func signIn(at path: String, as username: String, password: String = staffPassword) async throws {
        try await browser.open(url(path))
        _ = try await browser.waitVisible("#login-form")
        try await browser.type("#username", username)
        try await browser.type("#password", password)
        try await browser.click("#login-button")
    }

    /// A JSON API call from the test itself (not through the browser).
    @discardableResult
    func api(_ method: String, _ path: String, _ body: [String: Any]? = nil, token: String? = nil) async throws -> [String: Any] {
        let (status, data) = try await send(method, path, body, token: token)
        guard (200..<300).contains(status) else {
            throw WebDriver.Failure(description: "\(method) \(path): \(String(decoding: data, as: UTF8.self))")
        }
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// A JSON API call that returns the status and body whatever they are (for refusals).
    func send(_ method: String, _ path: String, _ body: [String: Any]? = nil, token: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.http.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    func close() async {
        await browser.quit()
        // chromedriver does not always exit on SIGTERM; the browser session is already closed.
        kill(driver.processIdentifier, SIGKILL)
        driver.waitUntilExit()
        serverTask.cancel()
        _ = try? await serverTask.value
        try? FileManager.default.removeItem(at: folder)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var port: Int?
        func set(_ p: Int) { lock.withLock { port = p } }
        func wait() async throws -> Int {
            for _ in 0..<1000 {
                if let p = lock.withLock({ port }) { return p }
                try await Task.sleep(for: .milliseconds(10))
            }
            throw WebDriver.Failure(description: "the hall server did not start")
        }
    }
}
