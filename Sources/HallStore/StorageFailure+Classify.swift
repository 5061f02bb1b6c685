import GRDB
import HallCore

extension StorageFailure {
    /// `.full` when `error` says the disk is full: SQLite's `SQLITE_FULL` (a database, journal or WAL
    /// write found no space, or `max_page_count` was reached), or a file error of a full disk
    /// (`init(fileError:)`); nil for anything else.
    public init?(_ error: any Error) {
        if let database = error as? DatabaseError {
            guard database.resultCode == .SQLITE_FULL else { return nil }
            self = .full
        } else if let full = StorageFailure(fileError: error) {
            self = full
        } else {
            return nil
        }
    }
}
