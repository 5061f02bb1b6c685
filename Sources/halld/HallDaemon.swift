import ArgumentParser
import Foundation
import HallEmulators
import HallServer
import Hummingbird
import Logging
import ServiceLifecycle

/// `halld`: the hall daemon. Loads configuration (defaults → file → environment → flags), opens
/// the database, starts devices and the HTTP server, notifies systemd, and stops gracefully on
/// SIGTERM/SIGINT.
@main
struct HallDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "halld", abstract: "The hall daemon of a convenience-service center.")

    @Option(help: "Configuration file (JSON). Default: /etc/hall/halld.json when it exists.")
    var config: String?

    @Option(name: .customLong("set"), help: "Override a configuration key, e.g. --set listen.port=9000 (repeatable).")
    var overrides: [String] = []

    @Option(help: "Listen port (same as --set listen.port=N).")
    var port: Int?

    @Option(help: "Database file (same as --set database.path=PATH).")
    var database: String?

    @Flag(help: "Print the effective configuration as JSON and exit.")
    var printConfig = false

    /// halld, or the scan helper it runs (`halld scan-helper REQUEST`, not in `--help`).
    static func main() async {
        await ScanHelperEntry.runIfRequested(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            if var daemon = command as? HallDaemon {
                try await daemon.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    mutating func run() async throws {
        var logger = Logger(label: "halld")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        var sets = overrides
        if let port { sets.append("listen.port=\(port)") }
        if let database { sets.append("database.path=\"\(database)\"") }
        let file = config ?? (FileManager.default.fileExists(atPath: "/etc/hall/halld.json") ? "/etc/hall/halld.json" : nil)
        let configuration: HallConfiguration, keys: ConfiguredKeys
        do {
            (configuration, keys) = try ConfigurationLoader.loadTracking(
                file: file, environment: ProcessInfo.processInfo.environment, overrides: sets)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        if printConfig {
            // Secrets (initial admin password, device tokens) are masked: the output ends up in tickets and chats.
            print(try String(decoding: HallJSONPretty.encode(configuration.maskingSecrets()), as: UTF8.self))
            return
        }

        let notifier = SystemdNotifier()
        // A fresh hall (docs/configuration.md, first-run setup) serves setup first, then the hall.
        if let setup = try HallSetupServer.offer(configuration: configuration, keys: keys, logger: logger) {
            guard try await SetupPhase(setup: setup, notifier: notifier, logger: logger).run() else {
                logger.info("halld stopped before first-run setup was complete")
                return
            }
        }
        // Devices that are not plugged in are stood in for by the emulators (the demo hall).
        let demoDevices = DemoDevices(stateDirectory: URL(fileURLWithPath: configuration.stateDirectory))
        let server = try HallServer(configuration: configuration, standIns: demoDevices, logger: logger, keys: keys)
        let listen = configuration.listen
        let log = logger
        let app = server.makeApplication(logger: logger) { port in
            log.info("halld ready on http://\(listen.host):\(port)")
            notifier.notify("READY=1", "STATUS=serving on \(listen.host):\(port)")
        }
        // Stopped in reverse order: the HTTP server first, then the sweeps, the devices last (so a
        // ticket being issued is still printed). Background work that ends by itself (e.g. no
        // receipt printer to retry) does not stop halld.
        let background = server.backgroundWork.map { work in
            ServiceGroupConfiguration.ServiceConfiguration(service: BackgroundService(work: work.run), successTerminationBehavior: .ignore)
        }
        let watchdog = WatchdogService(notifier: notifier, server: server, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: background + [.init(service: app), .init(service: watchdog)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        notifier.notify("STOPPING=1")
        logger.info("halld stopped")
    }
}

/// Pretty JSON for `--print-config`.
enum HallJSONPretty {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
