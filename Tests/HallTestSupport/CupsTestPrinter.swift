import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Shared by the document, transport and server tests (a library target of test support, since
// test targets cannot share files).

/// Starts the D-Bus system bus and avahi-daemon once per test process through
/// `scripts/test-services.sh` (idempotent; `make test` runs it too). ippeveprinter needs them.
public enum CupsTestServices {
    /// nil when the services run; otherwise why not.
    public static let failure: String? = {
        let script = PackagePaths.url("scripts/test-services.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path]
        // Its stderr goes to a file, not a pipe: a daemon it starts could keep a pipe open for ever.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hall-test-services-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil), let errors = try? FileHandle(forWritingTo: log) else {
            return "cannot write \(log.path)"
        }
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardError = errors
        do { try process.run() } catch { return "cannot run \(script.path): \(error)" }
        process.waitUntilExit()
        try? errors.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return process.terminationStatus == 0 ? nil : "test-services.sh failed: \(text)"
    }()
}

/// An `ippeveprinter` (cups-ipp-utils) started for one test on a free port with its own spool
/// directory, stopped by `stop()` or when the value goes away.
/// `@unchecked Sendable`: its stored properties are set once in `init`, and the API tests read the
/// spool from inside the server's test closure.
public final class CupsTestPrinter: @unchecked Sendable {
    public let port: Int
    public let directory: URL
    public let spool: URL
    private let process: Process

    public var uri: String { "ipp://localhost:\(port)/ipp/print" }

    /// - Parameters:
    ///   - formats: the `document-format-supported` list (`-f`).
    ///   - command: the program ippeveprinter runs on each received file (`-c`); `/bin/true`
    ///     makes jobs complete at once, `/bin/false` makes them abort.
    public init(
        formats: [String] = ["application/pdf", "application/octet-stream"], command: String = "/bin/true",
        port fixedPort: Int? = nil
    ) throws {
        if let failure = CupsTestServices.failure { Issue.record(Comment(rawValue: failure)) }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hall-ipp-\(UUID().uuidString)")
        spool = directory.appendingPathComponent("spool")
        try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("ippeveprinter.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        port = try fixedPort ?? Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ippeveprinter")
        process.arguments = [
            "-p", "\(port)", "-n", "localhost", "-f", formats.joined(separator: ","),
            "-d", spool.path, "-k", "-c", command, "HallTest\(port)",
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        guard Self.waitUntilListening(port: port, process: process) else {
            stop()
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw CupsTestPrinterError.didNotStart(text)
        }
    }

    deinit {
        stop()
    }

    /// Stops the printer and removes its directory. Safe to call twice.
    ///
    /// SIGKILL, because ippeveprinter spawned from the test process does not act on SIGTERM
    /// (seen here: it inherits a blocked signal mask from the test's worker thread). The whole
    /// process group goes (ippeveprinter leads its own group), so a `-c` command still running
    /// dies too: Foundation's `waitUntilExit` otherwise waits for that grandchild as well.
    public func stop() {
        if process.isRunning {
            let pid = process.processIdentifier
            kill(getpgid(pid) == pid ? -pid : pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every document ippeveprinter received and kept (`-k`): `<job>-<title>.pdf` / `.dat`.
    /// The `<job>-<title>.prn` files are the (empty) output of the `-c` command, not documents.
    public func spooledFiles() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: spool, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            $0.pathExtension != "prn" && (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// A TCP port nothing listens on right now (bound to port 0, read back, released).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CupsTestPrinterError.noFreePort }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw CupsTestPrinterError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func waitUntilListening(port: Int, process: Process) -> Bool {
        for _ in 0..<100 {
            guard process.isRunning else { return false }
            if canConnect(port: port) { return true }
            usleep(100_000)
        }
        return false
    }

    private static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

public enum CupsTestPrinterError: Error {
    case noFreePort
    case didNotStart(String)
}
