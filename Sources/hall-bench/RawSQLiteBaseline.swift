import Foundation
import GRDBSQLite

/// The baseline: a raw SQLite single-row commit loop through the C API, WAL, with the same
/// `synchronous` level as the store. Nothing can be faster on this disk with this durability.
final class RawSQLiteBaseline {
    private let connection: CSQLiteConnection
    private let insert: OpaquePointer
    private var committed = 0

    init(path: String, synchronous: String) {
        connection = CSQLiteConnection(path: path, synchronous: synchronous)
        connection.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, day TEXT, number TEXT, at REAL)")
        insert = connection.prepare("INSERT INTO t (day, number, at) VALUES ('2026-11-25', ?, ?)")
    }

    /// Commits `count` single-row transactions; returns commits per second.
    func commits(_ count: Int) -> Double {
        let start = ContinuousClock.now
        for _ in 0..<count {
            committed += 1
            connection.exec("BEGIN IMMEDIATE")
            bindText(insert, 1, "A\(committed)")
            sqlite3_bind_double(insert, 2, Date().timeIntervalSince1970)
            connection.step(insert)
            connection.exec("COMMIT")
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }

    static func commitsPerSecond(path: String, synchronous: String, count: Int) -> Double {
        RawSQLiteBaseline(path: path, synchronous: synchronous).commits(count)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
