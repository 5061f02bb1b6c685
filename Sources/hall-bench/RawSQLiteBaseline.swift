import Foundation
import GRDBSQLite

/// The baseline: a raw SQLite single-row commit loop through the C API, WAL, with the same
/// `synchronous` level as the store. Nothing can be faster on this disk with this durability.
final class RawSQLiteBaseline {
    private var db: OpaquePointer?
    private var insert: OpaquePointer?
    private var committed = 0

    init(path: String, synchronous: String) {
        guard sqlite3_open(path, &db) == SQLITE_OK else { fatalError("cannot open \(path)") }
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous);")
        exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, day TEXT, number TEXT, at REAL)")
        sqlite3_prepare_v2(db, "INSERT INTO t (day, number, at) VALUES ('2026-11-25', ?, ?)", -1, &insert, nil)
    }

    deinit {
        sqlite3_finalize(insert)
        sqlite3_close(db)
    }

    /// Commits `count` single-row transactions; returns commits per second.
    func commits(_ count: Int) -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count {
            committed += 1
            exec("BEGIN IMMEDIATE")
            sqlite3_bind_text(insert, 1, "A\(committed)", -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            sqlite3_bind_double(insert, 2, Date().timeIntervalSince1970)
            guard sqlite3_step(insert) == SQLITE_DONE else { fatalError("insert failed") }
            sqlite3_reset(insert)
            exec("COMMIT")
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    static func commitsPerSecond(path: String, synchronous: String, count: Int) -> Double {
        RawSQLiteBaseline(path: path, synchronous: synchronous).commits(count)
    }

    private func exec(_ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
