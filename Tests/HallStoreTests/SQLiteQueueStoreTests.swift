import Foundation
import GRDB
import HallCore
import Testing

@testable import HallStore

/// A fresh database file in a temporary folder, removed afterwards.
struct TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("hall.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func open() throws -> HallDatabase {
        let database = try HallDatabase(StoreConfiguration(path: path))
        try database.configure(services: Self.services, windows: Self.windows)
        return database
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The queue of `database` on a clock at 09:00 in Shanghai on 2026-12-07, which a test may move on.
    static func morningQueue(_ database: HallDatabase) -> (QueueService, ManualClock) {
        let clock = ManualClock(LocalDay("2026-12-07")!.instant(minutesAfterMidnight: 9 * 60, in: TimeZone(identifier: "Asia/Shanghai")!))
        return (QueueService(store: SQLiteQueueStore(database), clock: clock, settings: QueueSettings(), sink: NullSink()), clock)
    }

    /// A waiting ticket of `general` (prefix A) numbered by `sequence`.
    static func ticket(sequence: Int, day: LocalDay) -> Ticket {
        Ticket(
            number: TicketNumber.format(prefix: "A", sequence: sequence), day: day, sequence: sequence, serviceID: "general",
            priority: .normal, issuedAt: Date())
    }

    static let services = [
        Service(id: "general", name: "综合窗口", prefix: "A"),
        Service(id: "social", name: "社保医保", prefix: "B"),
    ]
    static let windows = [
        ServiceWindow(number: 1, name: "综合", serviceIDs: ["general", "social"]),
        ServiceWindow(number: 3, name: "社保", serviceIDs: ["social"]),
    ]
}

final class NullSink: HallEventSink { func publish(_ events: [HallEvent]) {} }

@Suite("SQLite queue store")
struct SQLiteQueueStoreTests {
    @Test("the database runs in WAL mode with synchronous=FULL")
    func pragmas() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let (mode, sync) = try await database.pool.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode")!, try Int.fetchOne(db, sql: "PRAGMA synchronous")!)
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
    }

    @Test("concurrent issues get unique, gapless numbers")
    func concurrentIssue() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let queue = QueueService(store: SQLiteQueueStore(try temp.open()), clock: SystemClock(), settings: QueueSettings(), sink: NullSink())
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<200 { group.addTask { try await queue.issue(serviceKey: i % 2 == 0 ? "A" : "B").ticket.number } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(numbers).count == 200)
        #expect(
            Set(numbers)
                == Set(
                    (1...100).map { TicketNumber.format(prefix: "A", sequence: $0) }
                        + (1...100).map { TicketNumber.format(prefix: "B", sequence: $0) }))
    }

    @Test("reopening the file recovers the exact state")
    func recovery() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let clock = ManualClock(Date())
        var queue: QueueService? = QueueService(store: SQLiteQueueStore(try temp.open()), clock: clock, settings: QueueSettings(), sink: NullSink())
        _ = try await queue!.issue(serviceKey: "A")
        _ = try await queue!.issue(serviceKey: "B", priority: .greenChannel)
        _ = try await queue!.callNext(window: 3)
        _ = try await queue!.start(window: 3)
        _ = try await queue!.setPaused(true, window: 1)
        let before = try await queue!.status()
        queue = nil

        let reopened = QueueService(store: SQLiteQueueStore(try temp.open()), clock: clock, settings: QueueSettings(), sink: NullSink())
        let after = try await reopened.status()
        #expect(after == before)
        #expect(after.windows.first { $0.window.number == 3 }?.current?.state == .serving)
        #expect(after.windows.first { $0.window.number == 1 }?.window.isPaused == true)
        #expect(try await reopened.issue(serviceKey: "A").ticket.number == "A002")
    }

    @Test("a failed transaction leaves nothing behind")
    func rollback() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let store = SQLiteQueueStore(database)
        struct Boom: Error {}
        let day = LocalDay("2026-11-25")!
        await #expect(throws: Boom.self) {
            try await store.write { tx in
                _ = try tx.insert(TemporaryDatabase.ticket(sequence: 1, day: day))
                throw Boom()
            }
        }
        #expect(try await store.write { try $0.serviceDay(day, serviceID: "general") } == ServiceDay())
        #expect(try await store.read { try $0.ticket(number: "A001", day: day) } == nil)
    }

    @Test("events are stored with their ticket as JSON")
    func eventLog() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let queue = QueueService(store: SQLiteQueueStore(database), clock: SystemClock(), settings: QueueSettings(), sink: NullSink())
        _ = try await queue.issue(serviceKey: "社保医保")
        _ = try await queue.callNext(window: 3)
        let rows = try database.pool.read { db in try Row.fetchAll(db, sql: "SELECT type, body FROM event ORDER BY id") }
        #expect(rows.map { $0["type"] as String } == ["ticket.issued", "ticket.called"])
        let event = try HallJSON.decoder().decode(HallEvent.self, from: Data((rows[1]["body"] as String).utf8))
        #expect(event.ticket?.number == "B001" && event.window == 3 && event.id == 2)
    }

    @Test("reconfiguring keeps a window's paused state and drops removed windows")
    func reconfigure() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let queue = QueueService(store: SQLiteQueueStore(database), clock: SystemClock(), settings: QueueSettings(), sink: NullSink())
        _ = try await queue.setPaused(true, window: 3)
        try database.configure(
            services: TemporaryDatabase.services,
            windows: [ServiceWindow(number: 3, name: "社保医保窗口", serviceIDs: ["social"])])
        let windows = try await queue.windows()
        #expect(windows.map(\.number) == [3])
        #expect(windows[0].isPaused && windows[0].name == "社保医保窗口")
    }

    @Test("an online backup is a consistent copy")
    func backup() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let database = try temp.open()
        let queue = QueueService(store: SQLiteQueueStore(database), clock: SystemClock(), settings: QueueSettings(), sink: NullSink())
        for _ in 0..<5 { _ = try await queue.issue(serviceKey: "A") }
        let copy = temp.folder.appendingPathComponent("backup.sqlite").path
        try database.backup(to: copy)
        let count = try await DatabaseQueue(path: copy).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ticket") }
        #expect(count == 5)
    }
}

@Suite("Group commit")
struct GroupCommitTests {
    @Test("one request's failure rolls back only its own changes in a shared transaction")
    func isolation() async throws {
        let temp = try TemporaryDatabase()
        defer { temp.remove() }
        let store = SQLiteQueueStore(try temp.open())
        let day = LocalDay("2026-11-25")!
        struct Refused: Error {}
        let results = await withTaskGroup(of: Result<Int, any Error>.self) { group in
            for i in 0..<60 {
                group.addTask {
                    await Result {
                        try await store.write { tx in
                            let n = try tx.serviceDay(day, serviceID: "general").lastSequence + 1
                            _ = try tx.insert(TemporaryDatabase.ticket(sequence: n, day: day))
                            if i % 3 == 0 { throw Refused() }
                            return n
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let succeeded = results.compactMap { try? $0.get() }
        #expect(succeeded.count == 40)
        #expect(results.filter { (try? $0.get()) == nil }.count == 20)
        // Failed requests left no trace: the 40 successes hold exactly 1…40.
        #expect(Set(succeeded) == Set(1...40))
        #expect(try await store.write { try $0.serviceDay(day, serviceID: "general") } == ServiceDay(waiting: 40, lastSequence: 40))
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
