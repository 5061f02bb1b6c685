import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension HallConfiguration {
    /// The base URL printed in residents' QR codes: `center.publicBaseURL` when set, otherwise
    /// `http://<listen.host>:<listen.port>`, with the machine's first LAN address when halld listens
    /// on every interface (0.0.0.0 or ::).
    public var effectivePublicBaseURL: String {
        let configured = center.publicBaseURL.trimmingCharacters(in: .whitespaces)
        guard configured.isEmpty else { return configured }
        let everywhere = ["", "0.0.0.0", "::", "[::]"].contains(listen.host)
        let host = everywhere ? (PublicAddress.lanAddresses().first ?? "127.0.0.1") : listen.host
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(listen.port)"
    }
}

/// The machine's addresses residents' phones may reach.
enum PublicAddress {
    /// The IPv4 addresses of the interfaces that are up, loopback left out, in interface order.
    static func lanAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            found.append(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return found
    }

    /// Whether `url`'s host is this machine only (127.0.0.0/8, ::1, localhost): a phone cannot open it.
    static func isLoopback(_ url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
