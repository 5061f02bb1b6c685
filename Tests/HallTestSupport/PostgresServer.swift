import Foundation

/// A real PostgreSQL 15 server (Debian's `postgresql-15`) that a test starts itself: `initdb` into a
/// temporary folder, `postgres` on a free port with its unix socket in that folder. As root (CI),
/// every PostgreSQL program runs as the unprivileged `postgres` user through `setpriv` (initdb
/// refuses root), and the folder belongs to that user. The superuser is `hall`, trusted locally.
///
/// `stop` is a clean shutdown, `kill9` a crash (SIGKILL to the postmaster), `start` again recovers.
public final class PostgresServer: @unchecked Sendable {
    /// The superuser initdb creates.
    public static let user = "hall"
    /// Debian's PostgreSQL 15 programs.
    public static let binaries = "/usr/lib/postgresql/15/bin"

    /// The temporary folder: `data/` (the cluster), the socket and `postgres.log`.
    public let folder: URL
    /// The TCP port on 127.0.0.1, also the unix socket's number.
    public let port: Int
    private let lock = NSLock()
    private var process: Process?

    /// The folder holding the unix socket (`.s.PGSQL.<port>`).
    public var socketDirectory: String { folder.path }
    /// The unix socket's path, for clients that take one.
    public var socketPath: String { "\(folder.path)/.s.PGSQL.\(port)" }
    /// The server's log (startup, crash recovery), for failure messages.
    public var log: String { (try? String(contentsOfFile: "\(folder.path)/postgres.log", encoding: .utf8)) ?? "" }

    /// Makes a new cluster in a temporary folder (not started yet).
    public init() throws {
        guard FileManager.default.isExecutableFile(atPath: "\(Self.binaries)/initdb") else {
            throw PostgresServerError.notInstalled
        }
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hall-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0 {
            guard let owner = getpwnam("postgres") else { throw PostgresServerError.noPostgresUser }
            guard chown(folder.path, owner.pointee.pw_uid, owner.pointee.pw_gid) == 0 else {
                throw PostgresServerError.failed("chown \(folder.path)")
            }
        }
        port = try FreePort.next()
        let status = try Self.runQuietly(
            "initdb", ["-D", "\(folder.path)/data", "-U", Self.user, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        guard status == 0 else { throw PostgresServerError.failed("initdb exited with \(status)") }
    }

    /// Starts the postmaster and waits until it accepts connections (crash recovery included).
    public func start() async throws {
        let arguments = [
            "\(Self.binaries)/postgres", "-D", "\(folder.path)/data", "-p", String(port), "-k", folder.path,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=60", "-c", "shared_buffers=32MB",
        ]
        let (program, programArguments) = Self.asPostgresUser(arguments)
        let logPath = "\(folder.path)/postgres.log"
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try handle.seekToEnd()
        // A crashed postmaster's backends may still hold the old shared memory for a moment.
        for attempt in 0..<50 {
            let candidate = Process()
            candidate.executableURL = program
            candidate.arguments = programArguments
            candidate.standardOutput = handle
            candidate.standardError = handle
            candidate.standardInput = FileHandle.nullDevice
            try candidate.run()
            for _ in 0..<200 {
                if !candidate.isRunning { break }
                if try await accepts() {
                    lock.withLock { self.process = candidate }
                    return
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            if candidate.isRunning { candidate.terminate(); candidate.waitUntilExit() }
            if attempt < 49 { try await Task.sleep(for: .milliseconds(100)) }
        }
        throw PostgresServerError.failed("postgres did not start:\n\(log.suffix(2000))")
    }

    /// A clean, fast shutdown (SIGINT: active transactions are rolled back).
    public func stop() {
        guard let process = lock.withLock({ self.process }) else { return }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        lock.withLock { self.process = nil }
    }

    /// Freezes the server (SIGSTOP to the postmaster and every backend it started): connections
    /// stay open and queries hang without an answer, as on a stuck machine. `resume` thaws it.
    public func pause() { signalAll(SIGSTOP) }

    /// Thaws a paused server (SIGCONT).
    public func resume() { signalAll(SIGCONT) }

    private func signalAll(_ signal: Int32) {
        guard let pid = lock.withLock({ self.process?.processIdentifier }) else { return }
        // The postmaster first, so that it starts no backend after its children are listed.
        kill(pid, signal)
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        for child in children.split(whereSeparator: \.isWhitespace).compactMap({ Int32($0) }) { kill(child, signal) }
    }

    /// A crash: SIGKILL to the postmaster, no checkpoint; the next `start` runs crash recovery.
    public func kill9() {
        guard let process = lock.withLock({ self.process }) else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        lock.withLock { self.process = nil }
    }

    /// `stop` then `start`.
    public func restart() async throws {
        stop()
        try await start()
    }

    /// Whether the postmaster is running (as far as this object knows).
    public var isRunning: Bool { lock.withLock { process?.isRunning ?? false } }

    /// Creates a database owned by `hall`.
    public func createDatabase(_ name: String) throws {
        let status = try Self.runQuietly(
            "psql", ["-h", folder.path, "-p", String(port), "-U", Self.user, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE DATABASE \"\(name)\""])
        guard status == 0 else { throw PostgresServerError.failed("CREATE DATABASE \(name) exited with \(status)") }
    }

    /// Runs `sql` through psql and returns what it prints (unaligned, tuples only).
    public func psql(_ sql: String, database: String) throws -> String {
        let process = Process()
        let (program, arguments) = Self.asPostgresUser([
            "\(Self.binaries)/psql", "-h", folder.path, "-p", String(port), "-U", Self.user, "-d", database, "-X", "-A", "-t",
            "-v", "ON_ERROR_STOP=1", "-c", sql,
        ])
        process.executableURL = program
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PostgresServerError.failed("psql exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        kill9()
        try? FileManager.default.removeItem(at: folder)
    }

    private func accepts() async throws -> Bool {
        try Self.runQuietly("pg_isready", ["-h", folder.path, "-p", String(port), "-U", Self.user, "-q"]) == 0
    }

    /// `setpriv` to the `postgres` user when running as root (it execs: the pid is the program's).
    private static func asPostgresUser(_ command: [String]) -> (URL, [String]) {
        guard getuid() == 0 else { return (URL(fileURLWithPath: command[0]), Array(command.dropFirst())) }
        return (
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--"] + command
        )
    }

    @discardableResult
    private static func runQuietly(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        let (executable, executableArguments) = asPostgresUser(["\(binaries)/\(program)"] + arguments)
        process.executableURL = executable
        process.arguments = executableArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Why a test's PostgreSQL server could not be made or started.
public enum PostgresServerError: Error, CustomStringConvertible {
    case notInstalled, noPostgresUser
    case failed(String)

    public var description: String {
        switch self {
        case .notInstalled: "PostgreSQL 15 is not installed (scripts/deps.sh test installs postgresql-15)"
        case .noPostgresUser: "running as root but there is no postgres user to run PostgreSQL as"
        case .failed(let what): what
        }
    }
}
