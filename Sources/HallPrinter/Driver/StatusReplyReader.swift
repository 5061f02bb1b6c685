import HallTransport

/// Runs the DLE EOT 1-4 exchange on a connection and merges the replies.
///
/// Bytes that are not real-time status replies are skipped: XON/XOFF, and 4-byte ASB
/// blocks (recognised by their first byte) that a printer with GS a enabled sends whenever
/// its state changes.
struct StatusReplyReader {
    let connection: any DeviceConnection
    let timeoutMilliseconds: Int

    /// The merged status, or nil when the printer stayed silent.
    func query() throws(TransportError) -> PrinterStatus? {
        // Discard stale bytes (late replies, ASB blocks) from earlier exchanges.
        var stale = 0
        while stale < 4096 {
            let junk = try connection.read(maxLength: 256, timeoutMilliseconds: 0)
            if junk.isEmpty { break }
            stale += junk.count
        }
        var status = PrinterStatus()
        for request in StatusRequest.allCases {
            try connection.write(EscPosEncoder.statusRequestBytes(request), timeoutMilliseconds: timeoutMilliseconds)
            guard let reply = try nextReply() else { return nil }
            try? status.apply(reply, for: request)
        }
        return status
    }

    private func nextReply() throws(TransportError) -> UInt8? {
        var asbRemaining = 0
        // A few reads at most: each returns whatever arrived within the timeout.
        for _ in 0..<8 {
            let bytes = try connection.read(maxLength: 16, timeoutMilliseconds: timeoutMilliseconds)
            if bytes.isEmpty { return nil }
            for byte in bytes {
                if asbRemaining > 0 { asbRemaining -= 1; continue }
                if byte == 0x11 || byte == 0x13 { continue }
                if PrinterStatus.isAutomaticStatusHeader(byte) { asbRemaining = 3; continue }
                if PrinterStatus.isRealTimeReply(byte) { return byte }
            }
        }
        return nil
    }
}
