import Glibc

/// Non-blocking TCP connect with a deadline, trying every address the name resolves to.
enum TCPConnector {
    /// A connected, non-blocking socket with TCP_NODELAY and SO_KEEPALIVE set.
    static func connect(host: String, port: UInt16, deadline: Deadline) throws(TransportError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let list else {
            throw .notFound("tcp:\(host):\(port): cannot resolve: \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(list) }

        var lastError: TransportError = .notFound("tcp:\(host):\(port): no address")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            do {
                return try connectOne(current.pointee, label: "tcp:\(host):\(port)", deadline: deadline)
            } catch {
                lastError = error
                if case .timeout = error { break }
            }
        }
        throw lastError
    }

    private static func connectOne(_ info: addrinfo, label: String, deadline: Deadline) throws(TransportError) -> Int32 {
        let fd = socket(
            info.ai_family, info.ai_socktype | Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue),
            info.ai_protocol)
        guard fd >= 0 else { throw .io("\(label) socket: \(PosixIO.errorText(errno))") }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, socklen_t(MemoryLayout<Int32>.size))

        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return fd }
        var code = errno
        if code == EINPROGRESS {
            let readiness: PosixIO.Readiness
            do {
                readiness = try PosixIO.wait(fd, for: Int16(POLLOUT), until: deadline)
            } catch {
                _ = close(fd)
                throw error
            }
            if readiness == .timedOut {
                _ = close(fd)
                throw .timeout("\(label): no answer to connect")
            }
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError == 0 { return fd }
            code = soError
        }
        _ = close(fd)
        let text = "\(label) connect: \(PosixIO.errorText(code))"
        switch code {
        case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, EADDRNOTAVAIL: throw .notFound(text)
        case ETIMEDOUT: throw .timeout(text)
        case EACCES, EPERM: throw .accessDenied(text)
        default: throw .io(text)
        }
    }
}
