import Foundation
import HallCore
import HallHub
import Logging
import NIOCore
import PostgresNIO

/// `hall-bench hub-catchup [--quick]`: a banner's halls catching up with the hub after a long
/// cut — generated days of 400 tickets (4 events each) per hall, sent as the halls send them
/// (`HubStore.apply`, batches of 1,000, one hall per worker) — against a plain `COPY` of the same
/// rows into a table of the same shape, on the same PostgreSQL server in the same run.
/// `--days=N` generates N days per hall instead of a year.
enum HubCatchUpBenchmark {
    static let halls = 20
    static let ticketsPerDay = 400
    static let batch = 1_000
    static let workers = 4

    /// `days`: generated days per hall (default 250, a year; `--quick`: 2).
    static func run(quick: Bool, days requested: Int? = nil) async throws -> [String: Any] {
        let days = max(1, requested ?? (quick ? 2 : 250))
        let server = try BenchPostgres()
        try await server.start()
        defer { server.stop() }
        var settings = HubConfiguration.defaults.database
        settings.socketPath = server.socketPath
        settings.username = BenchPostgres.user
        settings.name = "postgres"
        settings.maxConnections = workers + 1
        var log = Logger(label: "hall-bench.hub")
        log.logLevel = .error
        let logger = log
        let database = HubDatabase(settings, logger: logger)
        let pool = Task { await database.run() }
        defer { pool.cancel() }
        try await database.migrate()
        let store = HubStore(database: database)
        var secrets: [String] = []
        for h in 0..<halls {
            let code = try await store.issueEnrollmentCode(hall: "town-\(h)", name: "town \(h)", issuedBy: "bench")
            secrets.append(try await store.enroll(HubEnrollmentRequest(hall: "town-\(h)", code: code)).secret)
        }
        try await database.client.query(
            "CREATE TABLE copy_event (LIKE hall_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)", logger: logger)
        let rows = Int64(halls * days * ticketsPerDay * 4)

        let hubSeconds = try await timed {
            try await forEachHall { h in
                var send: Int64 = 0, after: Int64 = 0
                for day in 0..<days {
                    let events = dayEvents(day: day, first: after + 1)
                    for start in stride(from: 0, to: events.count, by: batch) {
                        send += 1
                        let slice = Array(events[start..<min(start + batch, events.count)])
                        let batch = SyncBatch(hall: "town-\(h)", send: send, after: after, events: slice)
                        after = try await store.apply(batch, from: "town-\(h)").sequence
                    }
                }
            }
        }
        // The background job's share: every day just sent, summarised into its roll-up.
        let rollUpSeconds = try await timed { _ = try await store.rollUp(before: LocalDay(year: 2100, month: 1, day: 1)) }
        let copySeconds = try await timed {
            try await forEachHall { h in
                try await database.client.withConnection { connection in
                    let columns = ["hall_id", "sequence", "type", "at", "window_number", "body"]
                    try await connection.copyFrom(table: "copy_event", columns: columns, logger: logger) { writer in
                        var sequence: Int64 = 0
                        for day in 0..<days {
                            let events = dayEvents(day: day, first: sequence + 1)
                            sequence += Int64(events.count)
                            try await writer.write(ByteBuffer(string: copyText(hall: "town-\(h)", events)))
                        }
                    }
                }
            }
        }
        let held = try await count("hall_event", database), copied = try await count("copy_event", database)
        let hubRate = Double(rows) / hubSeconds, copyRate = Double(rows) / copySeconds
        return [
            "halls": halls, "days": days, "events": rows, "events_held": held, "rows_copied": copied,
            "hub_events_per_s": hubRate.rounded(), "copy_rows_per_s": copyRate.rounded(),
            "ratio_to_copy": (hubRate / copyRate * 1000).rounded() / 1000, "target_ratio": 0.5,
            "roll_up_s": (rollUpSeconds * 10).rounded() / 10,
            "ratio_to_copy_with_roll_ups": (Double(rows) / (hubSeconds + rollUpSeconds) / copyRate * 1000).rounded() / 1000,
            "batch": batch, "workers": workers, "path": "HubStore.apply in-process (no HTTP), JSON encoding included on both sides",
        ]
    }

    /// Runs `body` for every hall, `workers` halls at a time.
    static func forEachHall(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<workers {
                group.addTask { for h in stride(from: w, to: halls, by: workers) { try await body(h) } }
            }
            try await group.waitForAll()
        }
    }

    static func timed(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func count(_ table: String, _ database: HubDatabase) async throws -> Int64 {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"))
        for try await n in rows.decode(Int64.self) { return n }
        return 0
    }

    /// One day of one hall: each ticket issued, called (after a wait of 1 to 31 minutes, varying
    /// ticket by ticket and day by day, so the month's p90 sorts real spreads), served and finished,
    /// at a window.
    static func dayEvents(day: Int, first: Int64) -> [SyncEvent] {
        let base = Date(timeIntervalSince1970: 1_767_225_600 + Double(day) * 86_400 + 8.5 * 3600)
        let dayText = LocalDay(base, in: TimeZone(identifier: "Asia/Shanghai") ?? .current)
        var events: [SyncEvent] = []
        events.reserveCapacity(ticketsPerDay * 4)
        for t in 0..<ticketsPerDay {
            let issued = base.addingTimeInterval(Double(t) * 60)
            let wait = Double(60 + (t * 97 + day * 13) % 1_800)
            var ticket = Ticket(
                id: Int64(t + 1), number: String(format: "A%03d", t + 1), day: dayText, sequence: t + 1,
                serviceID: "comprehensive", priority: .normal, issuedAt: issued)
            let window = 1 + t % 6
            let offsets = [0, wait, wait + 30, wait + 600]
            for (i, type) in ["ticket.issued", "ticket.called", "ticket.serving", "ticket.finished"].enumerated() {
                if i >= 1 { ticket.calledAt = issued.addingTimeInterval(offsets[1]); ticket.windowNumber = window }
                if i >= 2 { ticket.servingAt = issued.addingTimeInterval(offsets[2]) }
                if i >= 3 { ticket.closedAt = issued.addingTimeInterval(offsets[3]) }
                events.append(
                    SyncEvent(
                        sequence: first + Int64(events.count), type: type, at: issued.addingTimeInterval(offsets[i]),
                        ticket: SyncTicket(ticket), window: i == 0 ? nil : window, actor: i == 0 ? "kiosk" : "clerk\(window)"))
            }
        }
        return events
    }

    /// The rows of `events` in COPY's text format (tab-separated, backslashes doubled).
    static func copyText(hall: String, _ events: [SyncEvent]) throws -> String {
        let encoder = HallJSON.encoder()
        var text = ""
        for e in events {
            let body = String(decoding: try encoder.encode(e), as: UTF8.self).replacingOccurrences(of: "\\", with: "\\\\")
            let at = e.at.formatted(.iso8601)
            text += "\(hall)\t\(e.sequence)\t\(e.type)\t\(at)\t\(e.window.map(String.init) ?? "\\N")\t\(body)\n"
        }
        return text
    }
}
