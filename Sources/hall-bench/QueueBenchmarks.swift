import Foundation
import HallCore
import HallServer
import HallStore
import Hummingbird

/// Ticket issues in-process and over HTTP on loopback.
enum QueueBenchmarks {
    final class NullSink: HallEventSink { func publish(_ events: [HallEvent]) {} }

    /// The demo hall's queue on a fresh SQLite file, in-process, with the demo services' ids.
    static func inProcessQueue(
        path: String, synchronous: StoreConfiguration.Synchronous = .full
    ) throws -> (database: HallDatabase, queue: QueueService, services: [String]) {
        let database = try HallDatabase(StoreConfiguration(path: path, synchronous: synchronous))
        try database.configure(services: HallConfiguration.demo.services, windows: HallConfiguration.demo.windows)
        let queue = QueueService(store: SQLiteQueueStore(database), clock: SystemClock(), settings: QueueSettings(), sink: NullSink())
        return (database, queue, HallConfiguration.demo.services.map(\.id))
    }

    struct HTTPResult { var perSecond: Double; var p50: Double; var p99: Double; var errors: Int }

    /// Concurrent clients issuing tickets over HTTP/1.1 keep-alive against a live server.
    static func httpIssues(folder: URL, connections: Int, perConnection: Int) async throws -> HTTPResult {
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("http.sqlite").path
        configuration.hardware = .none
        configuration.stateDirectory = folder.path
        configuration.accounts.initialAdminPassword = "bench-admin-pass"
        let kioskToken = "bench-kiosk-token-0001"
        configuration.devices.kiosks = [.init(id: "kiosk-bench", token: kioskToken)]
        configuration.extendedHours.refuseTicketsAfterClosing = false  // measured at any time of day
        let server = try HallServer(configuration: configuration)
        let portBox = PortBox()
        let app = server.makeApplication(port: 0) { port in portBox.set(port) }
        let serverTask = Task { try await app.run() }
        defer { serverTask.cancel() }
        let port = try await portBox.wait()

        let latencies = LatencyLog()
        let services = HallConfiguration.demo.services.map(\.name)
        let start = ContinuousClock.now
        let threads = (0..<connections).map { c in
            Thread {
                guard let client = try? LoopbackHTTPClient(port: port) else { latencies.error(); return }
                for i in 0..<perConnection {
                    let t0 = ContinuousClock.now
                    let status =
                        (try? client.post(
                            path: "/api/tickets", json: #"{"service":"\#(services[(c + i) % services.count])"}"#,
                            token: kioskToken)) ?? 0
                    if status == 201 { latencies.add((ContinuousClock.now - t0).milliseconds) } else { latencies.error() }
                }
                latencies.done()
            }
        }
        threads.forEach { $0.start() }
        while latencies.finished < connections { try await Task.sleep(for: .milliseconds(20)) }
        let elapsed = (ContinuousClock.now - start).seconds
        let sorted = latencies.values.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return HTTPResult(perSecond: Double(sorted.count) / elapsed, p50: percentile(0.5), p99: percentile(0.99), errors: latencies.errors)
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var port: Int?
        func set(_ p: Int) { lock.withLock { port = p } }
        func wait() async throws -> Int {
            while true {
                if let p = lock.withLock({ port }) { return p }
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    final class LatencyLog: @unchecked Sendable {
        private let lock = NSLock()
        private var samples: [Double] = []
        private var failures = 0
        private var done_ = 0
        func add(_ ms: Double) { lock.withLock { samples.append(ms) } }
        func error() { lock.withLock { failures += 1 } }
        func done() { lock.withLock { done_ += 1 } }
        var values: [Double] { lock.withLock { samples } }
        var errors: Int { lock.withLock { failures } }
        var finished: Int { lock.withLock { done_ } }
    }
}
