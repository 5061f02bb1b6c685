import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log back into the database file on its own connection and queue, so
/// that no ticket issue waits for it. SQLite's automatic checkpoint runs inside the commit that
/// crosses 1,000 WAL pages; a ticket issue writes about nine pages, so every hundred or so issues
/// one of them paid for a checkpoint (pages copied and the database file flushed). The writer's
/// WAL hook replaces that automatic checkpoint: past `threshold` pages it only asks this
/// checkpointer, which runs a PASSIVE checkpoint (it never blocks the writer or the readers).
/// Durability is unchanged: every commit is still flushed in the WAL before it is acknowledged.
final class WALCheckpointer: Sendable {
    /// WAL pages after which a checkpoint is asked for (SQLite's own default).
    static let threshold: Int32 = 1000
    /// WAL pages after which the writer checkpoints itself, should this queue fall far behind.
    static let ceiling: Int32 = 20_000

    private let path: String
    private let queue = DispatchQueue(label: "hall.store.checkpoint", qos: .utility)
    /// Whether a checkpoint is queued and not started yet (requests meanwhile coalesce into it).
    private let queued = Atomic<Bool>(false)
    /// Checkpoints completed, for the tests.
    let completed = Atomic<Int>(0)
    /// The checkpoint connection, opened on first use and used only on `queue`.
    private let connection = Mutex<DatabaseQueue?>(nil)

    init(path: String) {
        self.path = path
    }

    /// Installs the WAL hook on the writer connection `db` (in place of the automatic checkpoint).
    func install(on db: Database) {
        let box = Unmanaged.passRetained(WeakBox(self)).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, _, pages in
            guard let context else { return SQLITE_OK }
            let box = Unmanaged<WeakBox>.fromOpaque(context).takeUnretainedValue()
            if pages >= WALCheckpointer.ceiling || box.checkpointer == nil {
                // Far behind, or the checkpointer is gone: checkpoint here, as SQLite would have.
                sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } else if pages >= WALCheckpointer.threshold {
                box.checkpointer?.request()
            }
            return SQLITE_OK
        }, box)
    }

    /// Queues one PASSIVE checkpoint unless one is already queued.
    func request() {
        guard queued.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        queue.async { [self] in
            queued.store(false, ordering: .releasing)
            do {
                try connection.withLock { connection in
                    if connection == nil { connection = try DatabaseQueue(path: path) }
                    try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
                }
                completed.add(1, ordering: .relaxed)
            } catch {
                // A failed PASSIVE checkpoint loses nothing: the next request (or the writer past the ceiling) tries again.
            }
        }
    }

    /// The hook's reference: weak, so the hook (which lives as long as the writer connection)
    /// never keeps a closed database's checkpointer alive.
    private final class WeakBox: @unchecked Sendable {
        weak var checkpointer: WALCheckpointer?
        init(_ checkpointer: WALCheckpointer) { self.checkpointer = checkpointer }
    }
}
