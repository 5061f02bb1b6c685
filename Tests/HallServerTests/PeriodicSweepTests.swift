import Foundation
import HallCore
import HallServer
import Logging
import Testing

/// The one periodic runner halld uses for every sweep: rounds at the interval, a failed round
/// logged under the sweep's name without stopping it, and an end on cancellation.
@Suite("Periodic sweeps")
struct PeriodicSweepTests {
    /// Collects what is logged (thread-safe).
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        var all: [String] { lock.withLock { list } }
        func add(_ line: String) { lock.withLock { list.append(line) } }
    }

    struct Capture: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.add("\(event.level) \(event.message)")
        }
    }

    final class Rounds: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var count: Int { lock.withLock { n } }
        func next() -> Int {
            lock.withLock {
                n += 1; return n
            }
        }
    }

    struct Refused: Error, CustomStringConvertible { var description: String { "database is locked" } }

    @Test("runs at once and then every interval; a failing round is logged and the next still runs; cancellation ends it")
    func roundsFailuresAndCancellation() async throws {
        let lines = Lines(), rounds = Rounds()
        let logger = Logger(label: "test.sweep") { _ in Capture(lines: lines) }
        let sweep = PeriodicSweep("testing", every: .milliseconds(20), logger: logger) {
            if rounds.next() == 2 { throw Refused() }
        }
        #expect(sweep.name == "testing" && sweep.interval == .milliseconds(20))
        let task = Task { await sweep.run() }
        try await eventually(seconds: 10) { rounds.count >= 4 }
        #expect(lines.all == ["error testing sweep failed: database is locked"], "round 2 failed, logged once")
        task.cancel()
        await task.value  // returns: cancelled during its sleep
        let stopped = rounds.count
        try await Task.sleep(for: .milliseconds(100))
        #expect(rounds.count == stopped, "no round after cancellation")
    }

    @Test("the hall's background work: devices, every sweep at its interval, capture clean-up, receipt retries")
    func hallBackgroundWork() throws {
        let (server, folder) = try makeServer { $0.extendedHours.checkIntervalSeconds = 7 }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            server.backgroundWork.map(\.name) == [
                "devices", "deadlines", "extended", "visit-receipts", "home-visits", "appointments",
                "rating-follow-ups", "follow-ups", "capture-orphans",
            ])
        #expect(server.intake.makeSweep().interval == .seconds(300))
        #expect(server.extended.makeSweep().interval == .seconds(7))
        #expect(server.appointments.makeSweep().interval == .seconds(server.configuration.appointments.sweepIntervalSeconds))
        #expect(server.homeVisits.makeSweep().interval == .seconds(server.configuration.appointments.sweepIntervalSeconds))
        #expect(server.ratings.makeSweep().interval == .seconds(300))
        #expect(server.followUps.makeSweep().interval == .seconds(300))
    }
}
