/// A printer's `host:port` setting (port 9100, the raw-printing port, when omitted).
enum TCPAddress {
    /// The host and port of `address`; an empty host means this machine.
    static func parse(_ address: String) -> (host: String, port: UInt16) {
        let parts = address.split(separator: ":")
        let host = parts.first.map(String.init) ?? "127.0.0.1"
        let port = parts.count > 1 ? UInt16(parts[1]) ?? 9100 : 9100
        return (host, port)
    }
}
