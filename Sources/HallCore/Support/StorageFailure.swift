import Foundation

/// The hall's storage refused a write: the filesystem of the state directory (database, journal,
/// captures, notices, print spool) is full. Nothing of the refused change was kept; once space is
/// freed the same request succeeds, without a restart.
public enum StorageFailure: HallFailure, Equatable {
    /// No space left (SQLite's `SQLITE_FULL`, or `ENOSPC` / `EDQUOT` on a file).
    case full

    public var code: String { "storage_full" }

    public var message: String { "服务器存储空间已满，本次操作未保存。请联系管理员清理磁盘空间后重试。" }

    public var kind: FailureKind { .unavailable }
}

extension StorageFailure {
    /// `ENOSPC` (no space left on device) and `EDQUOT` (disk quota exceeded).
    static let posixCodes: Set<Int> = [Int(ENOSPC), Int(EDQUOT)]

    /// `.full` when a file operation's `error` says the disk is full: a `POSIXError` or an `NSError`
    /// of the POSIX domain with `ENOSPC` or `EDQUOT` (also as the underlying error), Foundation's
    /// out-of-space error, or a `StorageFailure` already; nil for anything else.
    public init?(fileError error: any Error) {
        if let failure = error as? StorageFailure {
            self = failure
            return
        }
        if let posix = error as? POSIXError, Self.posixCodes.contains(Int(posix.code.rawValue)) {
            self = .full
            return
        }
        if let cocoa = error as? CocoaError, cocoa.code == .fileWriteOutOfSpace {
            self = .full
            return
        }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, Self.posixCodes.contains(ns.code) {
            self = .full
        } else if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error, let full = StorageFailure(fileError: underlying) {
            self = full
        } else {
            return nil
        }
    }
}
