import Foundation

/// A throwaway PostgreSQL 15 cluster for the hub benchmark, made as the tests make theirs
/// (Tests/HallTestSupport/PostgresServer.swift): initdb into a temporary folder, the postmaster on
/// a unix socket there, run as the `postgres` user when the bench runs as root.
final class BenchPostgres {
    static let user = "hall"
    static let binaries = "/usr/lib/postgresql/15/bin"
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hall-bench-pg-\(UUID().uuidString.prefix(8))")
    let port = 5433 + Int.random(in: 0..<2000)
    private var process: Process?

    var socketPath: String { "\(folder.path)/.s.PGSQL.\(port)" }

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0, let owner = getpwnam("postgres") { _ = chown(folder.path, owner.pointee.pw_uid, owner.pointee.pw_gid) }
        let initdb = try Self.launch(["initdb", "-D", "\(folder.path)/data", "-U", Self.user, "--auth=trust", "-E", "UTF8", "--locale=C"])
        initdb.waitUntilExit()
        guard initdb.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }

    func start() async throws {
        process = try Self.launch([
            "postgres", "-D", "\(folder.path)/data", "-p", String(port), "-k", folder.path, "-c", "listen_addresses=",
            "-c", "shared_buffers=128MB",
        ])
        for _ in 0..<200 {
            if FileManager.default.fileExists(atPath: socketPath) {
                let ready = try Self.launch(["pg_isready", "-h", folder.path, "-p", String(port), "-q"])
                ready.waitUntilExit()
                if ready.terminationStatus == 0 { return }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.executableLoad)
    }

    func stop() {
        if let process { kill(process.processIdentifier, SIGINT); process.waitUntilExit() }
        process = nil
        try? FileManager.default.removeItem(at: folder)
    }

    private static func launch(_ command: [String]) throws -> Process {
        let process = Process()
        let program = "\(binaries)/\(command[0])"
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--", program] + command.dropFirst()
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(command.dropFirst())
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        try process.run()
        return process
    }
}
