#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the reader threads of SANE backends from being cancelled asynchronously.
///
/// Backends built on `sanei_thread` (Debian's `test`, `pixma`, `avision`, `plustek`, `snapscan`, …)
/// start a reader thread in `sane_start` that switches itself to `PTHREAD_CANCEL_ASYNCHRONOUS`, and
/// stop it with `pthread_cancel` followed by `pthread_join` — in `sane_cancel`, and inside the
/// `sane_read` that reaches the end of every frame. An asynchronous cancel lands at any instruction:
/// when the reader is inside `malloc`/`free`, or has already returned and glibc is freeing its
/// thread cache, the reader unwinds with a malloc arena lock held and then deadlocks on that lock in
/// its own exit path. The `pthread_join` in `sane_read` never returns, and every other thread of the
/// process that frees memory of that arena blocks for good (the test backend alone hangs this way
/// about once in 40 000 frames).
///
/// The program's own definition of `pthread_setcanceltype` (`deferringSetCancelType`) interposes
/// glibc's: the static linker exports a definition that overrides a shared library's, so the
/// backends, loaded later by libsane, bind to it. A request for asynchronous cancellation becomes a
/// deferred one: `pthread_cancel` then acts when the reader next enters a cancellation point (its
/// `write` to the pipe, `usleep`, the `poll` inside libusb), where it holds none of libc's locks.
/// Every other request is passed to glibc unchanged.
public enum SaneReaderCancellation {
    private typealias SetCancelType = @convention(c) (Int32, UnsafeMutablePointer<Int32>?) -> Int32

    /// `RTLD_NEXT`, a cast macro that Swift does not import: the definitions after this program's.
    private static var nextObjects: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: -1) }

    /// glibc's `pthread_setcanceltype`.
    private static let libc: SetCancelType? = dlsym(nextObjects, "pthread_setcanceltype").map {
        unsafeBitCast($0, to: SetCancelType.self)
    }

    /// Whether shared libraries of this process (libsane's backends among them) bind to the deferring
    /// `pthread_setcanceltype` rather than to glibc's.
    public static var isInterposed: Bool {
        guard let global = dlsym(nil, "pthread_setcanceltype"), let next = dlsym(nextObjects, "pthread_setcanceltype") else { return false }
        return global != next
    }

    /// `pthread_setcanceltype` with asynchronous cancellation made deferred.
    static func setCancelType(_ type: Int32, _ oldType: UnsafeMutablePointer<Int32>?) -> Int32 {
        guard let libc else { return EINVAL }
        let deferred = Int32(PTHREAD_CANCEL_DEFERRED)
        return libc(type == Int32(PTHREAD_CANCEL_ASYNCHRONOUS) ? deferred : type, oldType)
    }
}

/// The process's `pthread_setcanceltype` (see `SaneReaderCancellation`): never asynchronous.
@_cdecl("pthread_setcanceltype")
public func deferringSetCancelType(_ type: Int32, _ oldType: UnsafeMutablePointer<Int32>?) -> Int32 {
    SaneReaderCancellation.setCancelType(type, oldType)
}
