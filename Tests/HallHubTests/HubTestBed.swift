import Foundation
import HallCore
import HallHub
import HallServer
import HallTestSupport
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real PostgreSQL server with a migrated hub database, and the hub's HTTP application on a
/// fixed free port, which a test can stop (the hub "goes away") and start again on the same port.
final class HubTestBed: @unchecked Sendable {
    let postgres: PostgresServer
    let database: HubDatabase
    let store: HubStore
    let port: Int
    /// The hub's configuration (a cheap bcrypt cost by default, to keep tests quick).
    let configuration: HubConfiguration
    private var pool: Task<Void, Never>?
    private var app: Task<Void, Never>?

    var url: String { "\(configuration.listen.servesTLS ? "https" : "http")://127.0.0.1:\(port)" }

    /// `deadlineSeconds`: the hub's database deadline (its default, 10 s, unless a test shortens it);
    /// `tls`: the hub's certificate and key files, to serve HTTPS.
    init(accounts: HubConfiguration.Accounts? = nil, deadlineSeconds: Double = 10, tls: (certificate: String, key: String)? = nil)
        async throws
    {
        var configuration = HubConfiguration.defaults
        configuration.accounts = accounts ?? Self.quickAccounts
        configuration.listen.certificateFile = tls?.certificate ?? ""
        configuration.listen.keyFile = tls?.key ?? ""
        postgres = try PostgresServer()
        try await postgres.start()
        try postgres.createDatabase("hub")
        var settings = HubConfiguration.defaults.database
        settings.socketPath = postgres.socketPath
        settings.username = PostgresServer.user
        settings.name = "hub"
        var logger = Logger(label: "hall-hub.test")
        logger.logLevel = .critical
        database = HubDatabase(settings, logger: logger, deadlineSeconds: deadlineSeconds)
        store = HubStore(database: database)
        port = try FreePort.next()
        configuration.listen.port = port
        configuration.database = settings
        self.configuration = configuration
        pool = Task { [database] in await database.run() }
        try await database.migrate()
        try await startApplication()
    }

    /// Starts the hub's HTTP application and waits until it answers.
    func startApplication() async throws {
        var logger = Logger(label: "hall-hub.test")
        logger.logLevel = .critical
        let app = try HubApplication.make(configuration: configuration, store: store, logger: logger)
        self.app = Task { try? await app.runService(gracefulShutdownSignals: []) }
        for _ in 0..<200 {
            if configuration.listen.servesTLS ? await TLSProbe.answers(port: port) : (try? await HubHTTP.get("\(url)/healthz"))?.status == 200 {
                return
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestFailure("the hub did not start on \(port)")
    }

    /// Stops the HTTP application (the hub is away; PostgreSQL keeps running).
    func stopApplication() async {
        app?.cancel()
        await app?.value
        app = nil
    }

    /// The default account settings with bcrypt cost 4.
    static var quickAccounts: HubConfiguration.Accounts {
        var accounts = HubConfiguration.defaults.accounts
        accounts.passwordCost = 4
        return accounts
    }

    /// Registers `hall` and returns its enrollment code.
    func code(for hall: String) async throws -> String {
        try await store.issueEnrollmentCode(hall: hall, name: "\(hall) 便民服务中心", issuedBy: "test-admin")
    }

    func shutdown() async {
        await stopApplication()
        pool?.cancel()
        await pool?.value
        postgres.stop()
    }
}

/// Plain HTTP to the hub, as a hall (or an intruder) would talk to it.
enum HubHTTP {
    struct Answer {
        var status: Int
        var body: Data
        var retryAfter: String? = nil
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        return URLSession(configuration: configuration)
    }()

    static func get(_ url: String) async throws -> Answer {
        guard let url = URL(string: url) else { throw TestFailure("bad URL \(url)") }
        let (data, response) = try await session.data(from: url)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    static func post(_ url: String, _ body: Data, secret: String? = nil) async throws -> Answer {
        guard let url = URL(string: url) else { throw TestFailure("bad URL \(url)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let secret { request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    static func post<T: Encodable>(_ url: String, json value: T, secret: String? = nil) async throws -> Answer {
        try await post(url, try HallJSON.encoder().encode(value), secret: secret)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
