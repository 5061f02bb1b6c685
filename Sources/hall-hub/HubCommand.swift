import ArgumentParser
import Foundation
import HallHub
import Hummingbird
import Logging
import ServiceLifecycle

/// `hall-hub`: the banner's hub. `serve` (the default) migrates the database and serves the halls;
/// `issue-code` gives the administrator a hall's one-time enrollment code; `halls` lists the halls;
/// `create-admin` makes the first banner administrator; `make-certificates` the hub CA and certificate.
@main
struct HubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hall-hub", abstract: "The banner's hub: the town halls' events in PostgreSQL.",
        subcommands: [Serve.self, IssueCode.self, Halls.self, Migrate.self, CreateAdmin.self, MakeCertificates.self], defaultSubcommand: Serve.self)
}

/// The configuration options every subcommand takes.
struct HubOptions: ParsableArguments {
    @Option(help: "Configuration file (JSON). Default: /etc/hall/hub.json when it exists.")
    var config: String?

    @Option(name: .customLong("set"), help: "Override a configuration key, e.g. --set listen.port=9000 (repeatable).")
    var overrides: [String] = []

    func load() throws -> HubConfiguration {
        let file = config ?? (FileManager.default.fileExists(atPath: "/etc/hall/hub.json") ? "/etc/hall/hub.json" : nil)
        do { return try HubConfigurationLoader.load(file: file, overrides: overrides) } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Runs `body` with a started database pool, then stops it.
func withDatabase<T: Sendable>(
    _ configuration: HubConfiguration, logger: Logger, _ body: @Sendable (HubStore) async throws -> T
) async throws -> T {
    let database = HubDatabase(configuration.database, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await database.run() }
        defer { group.cancelAll() }
        return try await body(HubStore(database: database))
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the halls (the default).")
    @OptionGroup var options: HubOptions

    func run() async throws {
        let configuration = try options.load()
        var log = Logger(label: "hall-hub")
        log.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = log
        let database = HubDatabase(configuration.database, logger: logger)
        let store = HubStore(database: database)
        let app = try HubApplication.make(configuration: configuration, store: store, logger: logger) { port in
            logger.info("hall-hub listening on \(configuration.listen.host):\(port)")
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await database.run() }
            defer { tasks.cancelAll() }
            try await Self.migrate(database, logger: logger)
            let rollUps = RollUpService(
                store: store, timeZone: TimeZone(identifier: configuration.timeZone) ?? .current, interval: .seconds(30), logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: app), .init(service: rollUps)], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            try await group.run()
        }
    }

    /// Applies the schema steps, waiting for PostgreSQL while it starts (as after a reboot).
    static func migrate(_ database: HubDatabase, logger: Logger) async throws {
        for attempt in 1...30 {
            do {
                let applied = try await database.migrate()
                if !applied.isEmpty { logger.info("schema steps applied: \(applied)") }
                return
            } catch where attempt < 30 {
                logger.warning("database not ready (attempt \(attempt)): \(String(reflecting: error))")
                try await Task.sleep(for: .seconds(min(10, attempt * 2)))
            }
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the schema steps not applied yet, then exit.")
    @OptionGroup var options: HubOptions

    func run() async throws {
        let configuration = try options.load()
        let applied = try await withDatabase(configuration, logger: Logger(label: "hall-hub")) { store in
            try await store.database.migrate()
        }
        print(applied.isEmpty ? "schema up to date" : "applied: \(applied.map(String.init).joined(separator: ", "))")
    }
}

struct IssueCode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue-code", abstract: "Register a hall (or find it) and print its one-time enrollment code (3 days).")
    @OptionGroup var options: HubOptions
    @Option(help: "The hall's identifier, e.g. town-a (a-z, 0-9, -).") var hall: String
    @Option(help: "The hall's name, e.g. 某某镇便民服务中心.") var name: String
    @Option(help: "Who issues it, for the audit (default: the login name).") var by: String?

    func run() async throws {
        let configuration = try options.load()
        let issuer = by ?? ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "admin"
        let (hall, name) = (self.hall, self.name)
        let code = try await withDatabase(configuration, logger: Logger(label: "hall-hub")) { store in
            try await store.database.migrate()
            return try await store.issueEnrollmentCode(hall: hall, name: name, issuedBy: issuer)
        }
        print(code)
    }
}

struct Halls: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the halls and what the hub holds of each (JSON).")
    @OptionGroup var options: HubOptions

    func run() async throws {
        let configuration = try options.load()
        let halls = try await withDatabase(configuration, logger: Logger(label: "hall-hub")) { store in try await store.halls() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(halls), as: UTF8.self))
    }
}
