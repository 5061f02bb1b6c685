import Foundation
import GRDB
import HallCore
import HallServer
import Logging
import WSClient

/// Call → WebSocket message at N connected hall screens: from the moment a clerk's call starts
/// (durable write included) until each screen has received the `ticket.called` event.
enum EventFanOutBenchmark {
    final class Arrivals: @unchecked Sendable {
        private let lock = NSLock()
        private var times: [Int64: [ContinuousClock.Instant]] = [:]
        private var connected = 0
        func connect() { lock.withLock { connected += 1 } }
        var connections: Int { lock.withLock { connected } }
        func arrived(_ id: Int64) { lock.withLock { times[id, default: []].append(.now) } }
        func count(_ id: Int64) -> Int { lock.withLock { times[id]?.count ?? 0 } }
        func all(_ id: Int64) -> [ContinuousClock.Instant] { lock.withLock { times[id] ?? [] } }
    }

    static func run(folder: URL, screens: Int, calls: Int) async throws -> [String: Double] {
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("fanout.sqlite").path
        configuration.stateDirectory = folder.path  // not ./var of wherever the benchmark runs
        configuration.hardware = .none
        let server = try HallServer(configuration: configuration)
        let portBox = QueueBenchmarks.PortBox()
        let app = server.makeApplication(port: 0) { portBox.set($0) }
        let serverTask = Task { try await app.run() }
        defer { serverTask.cancel() }
        let port = try await portBox.wait()

        let arrivals = Arrivals()
        let logger = {
            var l = Logger(label: "bench-ws"); l.logLevel = .critical; return l
        }()
        let clients = (0..<screens).map { _ in
            Task {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws/events", logger: logger) { inbound, _, _ in
                    arrivals.connect()
                    for try await message in inbound.messages(maxSize: 1 << 16) {
                        guard case .text(let text) = message, text.contains(#""type":"ticket.called""#),
                            let event = try? HallJSON.decoder().decode(HallEvent.self, from: Data(text.utf8))
                        else { continue }
                        arrivals.arrived(event.id)
                    }
                }
            }
        }
        defer { clients.forEach { $0.cancel() } }
        while server.hub.subscriberCount < screens { try await Task.sleep(for: .milliseconds(20)) }

        for _ in 0..<calls { _ = try await server.queue.service.issue(serviceKey: "social-insurance") }
        var latencies: [Double] = []
        for _ in 0..<calls {
            let start = ContinuousClock.now
            _ = try await server.queue.service.callNext(window: 3)
            let id = try await latestEventID(server)
            let deadline = ContinuousClock.now + .seconds(10)
            while arrivals.count(id) < screens, ContinuousClock.now < deadline { try await Task.sleep(for: .microseconds(200)) }
            latencies += arrivals.all(id).map { ($0 - start).milliseconds }
            _ = try await server.queue.service.start(window: 3)
            _ = try await server.queue.service.finish(window: 3)
        }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? -1 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return [
            "screens": Double(screens), "calls": Double(calls), "deliveries": Double(sorted.count),
            "p50_ms": (percentile(0.5) * 100).rounded() / 100, "p99_ms": (percentile(0.99) * 100).rounded() / 100,
            "target_p99_ms": 50,
        ]
    }

    /// The id of the newest `ticket.called` event (the one just published).
    private static func latestEventID(_ server: HallServer) async throws -> Int64 {
        try await server.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event WHERE type = 'ticket.called'") ?? 0
        }
    }
}
