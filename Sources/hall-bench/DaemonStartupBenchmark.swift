import Foundation
import GRDB
import HallCore
import HallServer
import HallStore

#if canImport(Glibc)
    import Glibc
#endif

/// halld's time to READY (sd_notify) and idle RSS on a database holding a year of tickets.
enum DaemonStartupBenchmark {
    struct Result { var tickets: Int; var readySeconds: Double; var idleRSSKiB: Int }

    /// Fills a database with `count` tickets spread over the past year, finished like a real day.
    static func fillYear(path: String, count: Int) throws {
        let database = try HallDatabase(StoreConfiguration(path: path, synchronous: .normal))
        try database.configure(services: HallConfiguration.demo.services, windows: HallConfiguration.demo.windows)
        // An existing hall has accounts: halld's start is then a normal restart, not a first start.
        _ = try database.seedAccountsIfEmpty(
            [
                (
                    StaffAccount(username: "admin", displayName: "管理员", roles: [.admin]),
                    "$2b$12$benchmarkbenchmarkbenchmarkbenchmarkbenchmarkbenchma"
                )
            ], at: Date())
        let services = HallConfiguration.demo.services
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        let today = LocalDay(Date(), in: shanghai)
        let perDay = count / 250 + 1
        try database.pool.write { db in
            var inserted = 0
            var dayOffset = 365
            while inserted < count {
                let day = today.adding(days: -dayOffset)
                dayOffset -= 1
                if day.isWeekend { continue }
                for n in 0..<min(perDay, count - inserted) {
                    let service = services[n % services.count]
                    let issued = day.instant(minutesAfterMidnight: 8 * 60 + 30 + n, in: shanghai).timeIntervalSince1970
                    try db.execute(
                        sql: """
                            INSERT INTO ticket (day, number, sequence, service_id, issued_service_id, priority, state, issued_at,
                                called_at, serving_at, closed_at, window_number) VALUES (?, ?, ?, ?, ?, 'normal', 'done', ?, ?, ?, ?, 1)
                            """,
                        arguments: [
                            day.description, TicketNumber.format(prefix: service.prefix, sequence: n + 1), n + 1,
                            service.id, service.id, issued, issued + 600, issued + 660, issued + 1080,
                        ])
                    inserted += 1
                }
            }
        }
    }

    /// Starts `halld` with a private NOTIFY_SOCKET, times READY=1, then reads VmRSS after idling.
    static func measure(halld: URL, databasePath: String, tickets: Int) throws -> Result {
        let socketPath = FileManager.default.temporaryDirectory.appendingPathComponent("hall-notify-\(getpid()).sock").path
        unlink(socketPath)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd); unlink(socketPath) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let process = Process()
        process.executableURL = halld
        process.arguments = ["--database", databasePath, "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = socketPath
        environment["LOG_LEVEL"] = "warning"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var ready = false
        var message = [UInt8](repeating: 0, count: 512)
        while !ready {
            let n = recv(fd, &message, message.count, 0)
            guard n > 0 else { break }
            ready = String(decoding: message[..<n], as: UTF8.self).contains("READY=1")
        }
        let readySeconds = (ContinuousClock.now - start).seconds
        Thread.sleep(forTimeInterval: 2)
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let rss =
            status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true)[1]) } ?? -1
        return Result(tickets: tickets, readySeconds: ready ? readySeconds : -1, idleRSSKiB: rss)
    }
}
