import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the real `halld` binary as a child process on a free port and a given database.
final class DaemonProcess {
    /// The kiosk device token halld is started with (tickets are issued as a kiosk).
    static let kioskToken = "crash-test-kiosk-token-0001"
    let port: Int
    let databasePath: String
    private var process: Process?

    init(databasePath: String) throws {
        self.databasePath = databasePath
        port = try Self.freePort()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The running halld's (or its launcher's) process id.
    var processIdentifier: Int32? { process?.processIdentifier }

    /// The settings `start` uses by default: no ticket printer, no screens, no voice.
    static let noDevices = [
        #"hardware.ticketPrinter.transport="none""#, #"hardware.displays.transport="none""#,
        "hardware.voice.enabled=false",
    ]

    /// Starts halld and waits until `/healthz` answers.
    /// - Parameters:
    ///   - settings: `key=value` pairs passed as `--set` (the device settings; no devices by default).
    ///   - launcher: a command halld runs under, e.g. `umockdev-wrapper hall-usb-testbed … --`.
    ///   - input, output: the standard input and output of the launched process (else none).
    ///   - log: a file that receives halld's standard output and error (instead of `output`).
    ///   - adminPassword: the first account's password; nil starts a fresh hall (first-run setup).
    func start(
        environment: [String: String] = [:], settings: [String] = DaemonProcess.noDevices,
        launcher: [String] = [], input: Pipe? = nil, output: Pipe? = nil, log: URL? = nil,
        adminPassword: String? = "crash-admin-pass"
    ) async throws {
        let process = Process()
        let halld = try Self.binary("halld")
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        let arguments =
            [
                "--port", String(port), "--database", databasePath,
                "--set", "stateDirectory=\"\(folder)\"",
                "--set", #"devices.kiosks=[{"id":"kiosk-crash","token":"\#(Self.kioskToken)"}]"#,
                "--set", "accounts.passwordCost=4", "--set", "extendedHours.refuseTicketsAfterClosing=false",  // any time of day
            ]
            + (adminPassword.map { ["--set", #"accounts.initialAdminPassword="\#($0)""#] } ?? [])
            + settings.flatMap { ["--set", $0] }
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [halld.path] + arguments
        } else {
            process.executableURL = halld
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input ?? FileHandle.nullDevice
        if let log {
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = output ?? FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        self.process = process
        for _ in 0..<(launcher.isEmpty ? 300 : 1500) {
            if (try? await HTTP.get(baseURL.appendingPathComponent("healthz")))?.status == 200 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DaemonError.didNotStart
    }

    /// SIGKILL: no chance to flush or clean up.
    func kill9() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM, then wait for a graceful exit; returns the exit status.
    func terminate() -> Int32 {
        guard let process else { return -1 }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        return process.terminationStatus
    }

    deinit { kill9() }

    enum DaemonError: Error { case didNotStart, binaryMissing(String) }

    /// A built product next to the test bundle (`.build/debug/NAME`).
    static func binary(_ name: String) throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: ".build/debug/\(name)")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else { throw DaemonError.binaryMissing(name) }
        return fallback
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Minimal HTTP helpers over URLSession.
enum HTTP {
    struct Answer { var status: Int; var body: Data }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        return URLSession(configuration: configuration)
    }()

    static func get(_ url: URL) async throws -> Answer {
        let (data, response) = try await session.data(from: url)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    static func post(_ url: URL, json: String, token: String? = nil) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await session.data(for: request)
        return Answer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }
}
