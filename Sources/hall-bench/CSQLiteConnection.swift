import GRDBSQLite

/// One SQLite connection through the C API for the baselines: WAL at the given `synchronous`
/// level, statements prepared once and finalized with the connection, any failure fatal (a
/// benchmark has nobody to answer).
final class CSQLiteConnection {
    private var db: OpaquePointer?
    private var prepared: [OpaquePointer] = []

    init(path: String, synchronous: String) {
        guard sqlite3_open(path, &db) == SQLITE_OK else { fatalError("cannot open \(path)") }
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=\(synchronous);")
    }

    deinit {
        prepared.forEach { sqlite3_finalize($0) }
        sqlite3_close(db)
    }

    /// Runs `sql` (one or more statements), parsing it each time.
    func exec(_ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fail() }
    }

    func prepare(_ sql: String) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { fail() }
        prepared.append(statement)
        return statement
    }

    /// Runs a statement that returns no row, then resets it.
    func step(_ statement: OpaquePointer) {
        guard sqlite3_step(statement) == SQLITE_DONE else { fail() }
        sqlite3_reset(statement)
    }

    /// The rows of a query, each column as text (NULL as empty).
    func rows(_ sql: String) -> [[String]] {
        let statement = prepare(sql)
        var rows: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
            })
        }
        sqlite3_reset(statement)
        return rows
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(db) }

    private func fail() -> Never { fatalError("sqlite: \(String(cString: sqlite3_errmsg(db)))") }
}

/// SQLite copies the bound text (`SQLITE_TRANSIENT`).
func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
    sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
}
