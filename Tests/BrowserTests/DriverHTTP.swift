import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback TCP socket for talking to chromedriver.
///
/// Foundation's URLSession on Linux cannot read chromedriver's answers (it writes headers
/// as `Content-Length:250` without a space, which libcurl's header callback in
/// swift-corelibs-foundation rejects with "Failed writing header"; swift-corelibs-foundation
/// issue 4965), so the WebDriver client speaks HTTP itself: one request per connection.
enum DriverHTTP {
    struct Answer { var status: Int; var body: Data }

    static func send(port: Int, method: String, path: String, body: Data?) async throws -> Answer {
        try await Task.detached { try sendBlocking(port: port, method: method, path: path, body: body) }.value
    }

    private static func sendBlocking(port: Int, method: String, path: String, body: Data?) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        defer { Glibc.close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let payload = body ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(payload.count)\r\n"
        if body != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        let request = Array((head + "\r\n").utf8) + Array(payload)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw POSIXError(.EPIPE) }
            sent += n
        }
        // Read the head, then exactly Content-Length bytes (chromedriver keeps the connection open).
        var received = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        func fill() throws -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { throw POSIXError(.ETIMEDOUT) }
            received += chunk[..<max(n, 0)]
            return n > 0
        }
        var split = find(Array("\r\n\r\n".utf8), in: received)
        while split == nil {
            guard try fill() else { throw POSIXError(.EBADMSG) }
            split = find(Array("\r\n\r\n".utf8), in: received)
        }
        let headerEnd = split!
        let header = String(decoding: received[..<headerEnd], as: UTF8.self)
        let status = Int(header.split(separator: " ").dropFirst().first ?? "") ?? 0
        let fields = header.lowercased().split(separator: "\r\n")
        let length = fields.first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        let chunked = fields.contains { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }
        if let length {
            while received.count < headerEnd + 4 + length { guard try fill() else { break } }
        } else if chunked {
            while !received.suffix(5).elementsEqual(Array("0\r\n\r\n".utf8)) { guard try fill() else { break } }
        } else {
            while try fill() {}
        }
        var content = Array(received[(headerEnd + 4)...])
        if let length { content = Array(content.prefix(length)) }
        if chunked { content = dechunk(content) }
        return Answer(status: status, body: Data(content))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](), i = 0
        while let lineEnd = find([13, 10], in: Array(bytes[i...])) {
            let size =
                Int(
                    String(decoding: bytes[i..<(i + lineEnd)], as: UTF8.self).split(separator: ";")[0]
                        .trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            if size == 0 { break }
            let start = i + lineEnd + 2
            out += bytes[start..<min(start + size, bytes.count)]
            i = start + size + 2
            if i >= bytes.count { break }
        }
        return out
    }
}
