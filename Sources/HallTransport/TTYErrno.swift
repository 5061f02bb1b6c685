#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps an errno value from a tty system call to a `TransportError`.
enum TTYErrno {
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `operation` names the call (e.g. `open`), `path` the device.
    static func error(_ code: Int32, operation: String, path: String) -> TransportError {
        let what = "\(path): \(operation): \(message(code))"
        switch code {
        case ENOENT, ENODEV: return .notFound(what)
        case EACCES, EPERM: return .accessDenied(what)
        case EBUSY, EWOULDBLOCK: return .busy(what)
        case EIO, ENXIO, EPIPE, EBADF: return .disconnected(what)
        case ETIMEDOUT: return .timeout(what)
        default: return .io(what)
        }
    }
}
