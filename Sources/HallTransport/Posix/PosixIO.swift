import Glibc

/// Small helpers over poll(2) and errno shared by the file-descriptor transports.
enum PosixIO {
    /// Result of waiting on a descriptor.
    enum Readiness: Equatable {
        case ready
        case hangUp
        case timedOut
    }

    /// Waits until `fd` is ready for `events` (POLLIN or POLLOUT) or the deadline passes.
    /// POLLHUP/POLLERR/POLLNVAL report `.hangUp` unless data is still readable.
    static func wait(_ fd: Int32, for events: Int16, until deadline: Deadline) throws(TransportError) -> Readiness {
        while true {
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&pfd, 1, Int32(clamping: deadline.remainingMilliseconds))
            if rc < 0 {
                if errno == EINTR { continue }
                throw .io("poll: \(errorText(errno))")
            }
            if rc == 0 { return .timedOut }
            if pfd.revents & events != 0 && events == Int16(POLLIN) { return .ready }
            if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
            if pfd.revents & events != 0 { return .ready }
        }
    }

    /// `strerror` text with the symbolic errno, e.g. `ENODEV (No such device)`.
    static func errorText(_ code: Int32) -> String {
        let names: [Int32: String] = [
            ENOENT: "ENOENT", ENODEV: "ENODEV", ENXIO: "ENXIO", EACCES: "EACCES", EPERM: "EPERM",
            EBUSY: "EBUSY", EIO: "EIO", EPIPE: "EPIPE", ECONNRESET: "ECONNRESET",
            ECONNREFUSED: "ECONNREFUSED", ETIMEDOUT: "ETIMEDOUT", EHOSTUNREACH: "EHOSTUNREACH",
            ENETUNREACH: "ENETUNREACH", EAGAIN: "EAGAIN",
        ]
        let text = String(cString: strerror(code))
        return names[code].map { "\($0) (\(text))" } ?? "errno \(code) (\(text))"
    }
}
