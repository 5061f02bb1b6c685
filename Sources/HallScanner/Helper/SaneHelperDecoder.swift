import Foundation

/// Reads a scan helper's report from its standard output as the bytes arrive (see
/// `SaneHelperMessage`), with bounds on every size, so that a helper that writes garbage or claims
/// a huge page costs an error, never halld's memory.
struct SaneHelperDecoder {
    /// Longest header line.
    static let maxHeaderBytes = 64 * 1024
    /// Largest payload of one message (a page at 1200 dpi in colour on A4 is about 420 MB).
    let maxPayloadBytes: Int
    /// Most messages in one report.
    let maxMessages: Int
    /// The messages read so far.
    private(set) var messages: [SaneHelperMessage] = []
    private var line = Data()
    private var header: SaneHelperMessage.Header?
    private var payload = Data()

    init(maxPayloadBytes: Int = 1 << 30, maxMessages: Int = 1_000) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxMessages = maxMessages
    }

    /// Consumes the next bytes of the report.
    mutating func feed(_ chunk: Data) throws(ScannerError) {
        var rest = chunk[...]
        while !rest.isEmpty {
            if let header {
                let taken = rest.prefix(header.payloadBytes - payload.count)
                payload.append(contentsOf: taken)
                rest = rest.dropFirst(taken.count)
                if payload.count == header.payloadBytes { try complete(header) }
            } else if let newline = rest.firstIndex(of: 0x0A) {
                line.append(contentsOf: rest[rest.startIndex..<newline])
                rest = rest[rest.index(after: newline)...]
                try startMessage()
            } else {
                line.append(contentsOf: rest)
                rest = rest.dropFirst(rest.count)
            }
            guard line.count <= Self.maxHeaderBytes else { throw .io("scan helper: header line too long") }
        }
    }

    /// Checks that the report did not stop inside a message.
    func finish() throws(ScannerError) {
        guard header == nil, line.isEmpty else { throw .io("scan helper: report cut off") }
    }

    private mutating func startMessage() throws(ScannerError) {
        let decoded: SaneHelperMessage.Header
        do {
            decoded = try JSONDecoder().decode(SaneHelperMessage.Header.self, from: line)
        } catch {
            throw .io("scan helper: malformed header")
        }
        line = Data()
        guard (0...maxPayloadBytes).contains(decoded.payloadBytes) else { throw .io("scan helper: payload too large") }
        guard decoded.kind == .page || decoded.payloadBytes == 0 else { throw .io("scan helper: unexpected payload") }
        header = decoded
        payload = Data()
        payload.reserveCapacity(min(decoded.payloadBytes, 64 << 20))
        if decoded.payloadBytes == 0 { try complete(decoded) }
    }

    private mutating func complete(_ header: SaneHelperMessage.Header) throws(ScannerError) {
        guard messages.count < maxMessages else { throw .io("scan helper: too many messages") }
        guard messages.last != .done, !messages.contains(where: { if case .failure = $0 { true } else { false } }) else {
            throw .io("scan helper: message after the end of the report")
        }
        messages.append(try SaneHelperMessage.make(header, payload: payload))
        self.header = nil
        payload = Data()
    }
}
