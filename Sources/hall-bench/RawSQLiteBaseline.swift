import Foundation
import GRDBSQLite

/// The baseline: a raw SQLite single-row commit loop through the C API, WAL, with the same
/// `synchronous` level as the store. Nothing can be faster on this disk with this durability.
enum RawSQLiteBaseline {
    static func commitsPerSecond(path: String, synchronous: String, count: Int) -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { fatalError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous);")
        exec(db, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, day TEXT, number TEXT, at REAL)")
        var insert: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO t (day, number, at) VALUES ('2026-11-25', ?, ?)", -1, &insert, nil)
        defer { sqlite3_finalize(insert) }
        let start = ContinuousClock.now
        for i in 0..<count {
            exec(db, "BEGIN IMMEDIATE")
            sqlite3_bind_text(insert, 1, "A\(i)", -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            sqlite3_bind_double(insert, 2, Date().timeIntervalSince1970)
            guard sqlite3_step(insert) == SQLITE_DONE else { fatalError("insert failed") }
            sqlite3_reset(insert)
            exec(db, "COMMIT")
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    private static func exec(_ db: OpaquePointer?, _ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
