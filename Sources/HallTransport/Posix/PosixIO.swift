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

extension PosixIO {
    /// Writes all of `bytes` to `fd` before `deadline`, waiting with poll(2) between partial writes.
    /// - Parameters:
    ///   - transfer: the system call (write(2), send(2)) on the bytes not yet written.
    ///   - timedOut, hungUp: the error once `offset` bytes went out.
    ///   - failed: the error for an errno other than EAGAIN/EINTR.
    static func writeAll(
        _ fd: Int32, _ bytes: [UInt8], until deadline: Deadline,
        transfer: (Int32, UnsafeRawPointer, Int) -> Int,
        timedOut: (_ offset: Int) -> TransportError, hungUp: (_ offset: Int) -> TransportError,
        failed: (Int32) -> TransportError
    ) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            switch try wait(fd, for: Int16(POLLOUT), until: deadline) {
            case .timedOut: throw timedOut(offset)
            case .hangUp: throw hungUp(offset)
            case .ready:
                let n = bytes.withUnsafeBytes { transfer(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n > 0 { offset += n; continue }
                let code = errno
                if n < 0 && (code == EAGAIN || code == EINTR) { continue }
                throw failed(code)
            }
        }
    }

    /// Reads what `fd` has (at most `maxLength` bytes), waiting with poll(2) until `deadline`;
    /// empty when nothing came in time.
    /// - Parameters:
    ///   - transfer: the system call (read(2), recv(2)) into a buffer of `maxLength` bytes.
    ///   - hungUp, endOfFile: the errors for a hang-up and for a read of zero bytes.
    ///   - failed: the error for an errno other than EAGAIN/EINTR.
    static func readSome(
        _ fd: Int32, maxLength: Int, until deadline: Deadline,
        transfer: (Int32, UnsafeMutableRawPointer?, Int) -> Int,
        hungUp: () -> TransportError, endOfFile: () -> TransportError,
        failed: (Int32) -> TransportError
    ) throws(TransportError) -> [UInt8] {
        while true {
            switch try wait(fd, for: Int16(POLLIN), until: deadline) {
            case .timedOut: return []
            case .hangUp: throw hungUp()
            case .ready:
                var buffer = [UInt8](repeating: 0, count: maxLength)
                let n = buffer.withUnsafeMutableBytes { transfer(fd, $0.baseAddress, $0.count) }
                if n > 0 { return Array(buffer.prefix(n)) }
                if n == 0 { throw endOfFile() }
                let code = errno
                if code == EAGAIN || code == EINTR { continue }
                throw failed(code)
            }
        }
    }
}
