import Foundation
import GRDB
import HallCore

/// The hall's SQLite database (WAL mode, `synchronous=FULL` by default), migrated on open.
public final class HallDatabase: Sendable {
    /// The GRDB pool: one writer, concurrent readers.
    public let pool: DatabasePool
    public let configuration: StoreConfiguration
    /// Shared group-commit writer for all stores on this database.
    let writer: GroupCommitWriter
    /// The services for the writer's transactions (`configure` empties it).
    let serviceCache = ServiceCache()
    /// The reads of the writer's last ticket issues, while nothing else wrote.
    let issueMemo = IssueMemo()

    /// Opens (creating if needed) the database file and its folder, and migrates it.
    public init(_ configuration: StoreConfiguration) throws {
        let folder = URL(fileURLWithPath: configuration.path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.configuration = configuration
        pool = try DatabasePool(path: configuration.path, configuration: configuration.grdbConfiguration())
        // GRDB switches the writer to synchronous=NORMAL when it enables WAL, after
        // `prepareDatabase` ran: set the configured level again on the (single) writer connection.
        try pool.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(configuration.synchronous.rawValue)")
        }
        try Migrations.migrator().migrate(pool)
        writer = GroupCommitWriter(pool: pool) { [issueMemo] in issueMemo.forget() }
    }

    /// Makes the stored services and windows match the configuration. Services and windows
    /// that are configured are inserted or updated; a window keeps its paused state. Services may
    /// trade prefixes: every stored prefix is first set aside (`#` and the service's id, which no
    /// configured prefix can be), so that the unique prefixes never collide halfway.
    public func configure(services: [Service], windows: [ServiceWindow]) throws {
        try pool.write { db in
            serviceCache.clear()
            try db.execute(sql: "UPDATE service SET prefix = '#' || id")
            for (position, service) in services.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO service (id, name, prefix, typical_minutes, position) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET name = excluded.name, prefix = excluded.prefix,
                            typical_minutes = excluded.typical_minutes, position = excluded.position
                        """, arguments: [service.id, service.name, service.prefix, service.typicalServiceMinutes, position])
            }
            let ids = services.map(\.id)
            try db.execute(
                sql: "DELETE FROM service WHERE id NOT IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids))
            try Migrations.raiseLastSequences(db)
            for window in windows {
                try db.execute(
                    sql: """
                        INSERT INTO service_window (number, name, service_ids, paused) VALUES (?, ?, ?, 0)
                        ON CONFLICT(number) DO UPDATE SET name = excluded.name, service_ids = excluded.service_ids
                        """, arguments: [window.number, window.name, Self.joinIDs(window.serviceIDs)])
            }
            let numbers = windows.map(\.number)
            try db.execute(
                sql: "DELETE FROM service_window WHERE number NOT IN (\(databaseQuestionMarks(count: numbers.count)))",
                arguments: StatementArguments(numbers))
        }
    }

    /// Writes a consistent copy of the live database to `path` (SQLite online backup).
    public func backup(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try pool.backup(to: target)
    }

    static func joinIDs(_ ids: [String]) -> String { ids.joined(separator: ",") }
    /// The ids of `joinIDs`, empty parts left out. Splits the UTF-8 bytes: ids are plain slugs, and the
    /// `Character` split it replaces cost more than the rest of a window read.
    static func splitIDs(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: ",")).map { String(Substring($0)) }
    }

    /// Whether `splitIDs(list)` contains `id`, comparing bytes in place: splitting cost more than
    /// the window read it serves.
    static func idList(_ list: String, contains id: String) -> Bool {
        guard !id.isEmpty else { return false }
        var list = list, id = id
        return list.withUTF8 { bytes in
            id.withUTF8 { wanted in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                    if bytes[start..<end].elementsEqual(wanted) { return true }
                    start = end + 1
                }
                return false
            }
        }
    }
}
