import Foundation
import GRDB
import GRDBSQLite
import HallCore

/// What the writer remembers between ticket issues: the reads an issue makes before it writes
/// (each service's day, the open windows serving each service, each service's recent service
/// times), so that a run of issues (a kiosk's morning) reads them once.
///
/// It holds only while nothing but the issues' own writes has changed the database:
/// - every use checks that SQLite's count of changed rows on the writer connection is the one
///   the memo's last use left (`db.totalChangesCount`); any other write in between (a call, a
///   pause, a sweep, a trigger's work, a rider's rows) moves it, and the memo forgets everything;
/// - a write of the issue itself keeps it only by updating what that write changed
///   (`inserted(_:in:insert:)`, as the `service_day` insert trigger does);
/// - every write request first checks `PRAGMA data_version`, which moves when another connection
///   commits (a second `HallDatabase` on the file, another process);
/// - a rolled-back write is not counted by SQLite: the group-commit writer makes the memo forget
///   whenever a write fails.
final class IssueMemo: @unchecked Sendable {
    private struct DayKey: Hashable {
        var day: LocalDay
        var serviceID: String
    }

    private struct RecentKey: Hashable {
        var serviceID: String
        var limit: Int
    }

    private let lock = NSLock()
    /// `db.totalChangesCount` after the memo's last use; nil when it holds nothing.
    private var changes: Int?
    /// `PRAGMA data_version` when the memo started to hold something.
    private var dataVersion: Int?
    private var serviceDays: [DayKey: ServiceDay] = [:]
    private var openWindows: [String: Int] = [:]
    private var recentSeconds: [RecentKey: [Double]] = [:]

    /// Forgets everything (a write failed, or another connection committed).
    func forget() {
        lock.withLock { forgetLocked() }
    }

    /// Forgets everything if another connection committed since the memo started to hold
    /// something. Runs at the start of each write request on the writer.
    func checkOtherConnections(_ db: Database) throws {
        guard let remembered = lock.withLock({ dataVersion }) else { return }
        if try Self.dataVersion(db) != remembered { forget() }
    }

    func serviceDay(_ day: LocalDay, serviceID: String, in db: Database, load: () throws -> ServiceDay) throws -> ServiceDay {
        try recall(db, key: DayKey(day: day, serviceID: serviceID), in: \.serviceDays, load: load)
    }

    func openWindowCount(serving serviceID: String, in db: Database, load: () throws -> Int) throws -> Int {
        try recall(db, key: serviceID, in: \.openWindows, load: load)
    }

    func recentServiceSeconds(serviceID: String, limit: Int, in db: Database, load: () throws -> [Double]) throws -> [Double] {
        try recall(db, key: RecentKey(serviceID: serviceID, limit: limit), in: \.recentSeconds, load: load)
    }

    /// Runs `insert` (one ticket's insert) and keeps the memo if it held until then: the ticket's
    /// service day changes as the insert trigger changes it, and a finished ticket changes its
    /// service's recent times.
    func inserted(_ ticket: Ticket, in db: Database, insert: () throws -> Void) throws {
        let held = holds(db)
        try insert()
        guard held else { return }
        lock.withLock {
            let key = DayKey(day: ticket.day, serviceID: ticket.serviceID)
            if var day = serviceDays[key] {
                let waiting = ticket.state == .waiting
                day.waiting += waiting ? 1 : 0
                day.waitingPriority += waiting && ticket.priority.isPriority ? 1 : 0
                day.lastSequence = max(day.lastSequence, ticket.sequence)
                serviceDays[key] = day
            }
            if ticket.state == .done { recentSeconds = recentSeconds.filter { $0.key.serviceID != ticket.serviceID } }
            changes = db.totalChangesCount
        }
    }

    /// Runs `write`, which changes nothing the memo holds (an event's row), and keeps the memo
    /// if it held until then.
    func unaffected(by write: () throws -> Void, in db: Database) throws {
        let held = holds(db)
        try write()
        if held { lock.withLock { changes = db.totalChangesCount } }
    }

    /// Whether the memo still holds: nothing changed since its last use. Forgets otherwise.
    private func holds(_ db: Database) -> Bool {
        lock.withLock {
            guard changes == db.totalChangesCount else {
                forgetLocked()
                return false
            }
            return true
        }
    }

    private func recall<Key: Hashable, Value>(
        _ db: Database, key: Key, in table: ReferenceWritableKeyPath<IssueMemo, [Key: Value]>, load: () throws -> Value
    ) throws -> Value {
        if holds(db), let value = lock.withLock({ self[keyPath: table][key] }) { return value }
        let value = try load()
        let version = try lock.withLock({ dataVersion }) ?? Self.dataVersion(db)
        // A memo that did not hold was emptied by `holds`: it starts again from this read.
        lock.withLock {
            self[keyPath: table][key] = value
            changes = db.totalChangesCount
            dataVersion = version
        }
        return value
    }

    private func forgetLocked() {
        changes = nil
        dataVersion = nil
        serviceDays.removeAll(keepingCapacity: true)
        openWindows.removeAll(keepingCapacity: true)
        recentSeconds.removeAll(keepingCapacity: true)
    }

    /// Stepped through the C API: GRDB's fetch cost as much as the reads the memo saves.
    private static func dataVersion(_ db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: "PRAGMA data_version").sqliteStatement
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw DatabaseError(message: "PRAGMA data_version returned no row") }
        return Int(sqlite3_column_int64(statement, 0))
    }
}
