import Foundation

/// A ticket printer behind a CUPS raw queue (or an IPP printer that takes raw bytes), as a
/// `DeviceConnection` for the ESC/POS driver.
///
/// Writes are buffered; `flush()` (and `close()`) send the buffer as **one print job** with
/// a raw document format and follow it until it is completed, so one ticket is one job.
///
/// CUPS gives no bytes back from the device: `read` always returns nothing, so the driver's
/// real-time status requests (DLE EOT) get no answer through this transport. The only status
/// available is the job's own end state (a failed job becomes a `TransportError`).
public final class CupsRawConnection: BufferedDeviceConnection, @unchecked Sendable {
    public let address: String
    private let printer: IPPDocumentPrinter
    private let format: DocumentFormat
    private let jobTitle: String
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var isOpen = false

    /// - Parameters:
    ///   - destination: the raw queue (`.queue("TicketRaw")`) or IPP URI.
    ///   - format: `application/vnd.cups-raw` by default, what a CUPS raw queue passes through
    ///     unfiltered. An IPP printer must list the format in `document-format-supported`;
    ///     `application/octet-stream` is not a safe alternative, because IPP printers auto-type
    ///     it and refuse bytes they do not recognise (ippeveprinter does).
    ///   - jobTitle: the job name shown in the queue.
    public init(
        destination: PrintDestination, format: DocumentFormat? = nil, jobTitle: String = "Hall ticket",
        settings: PrintSettings = PrintSettings(jobTimeout: .seconds(30))
    ) {
        address = destination.description
        printer = IPPDocumentPrinter(destination: destination, settings: settings)
        self.format = format ?? .cupsRaw
        self.jobTitle = jobTitle
    }

    /// Marks the connection usable. CUPS is reached only when a job is sent, so an unreachable
    /// printer shows up on `flush()`.
    public func open() throws(TransportError) {
        lock.withLock { isOpen = true }
    }

    /// Appends `bytes` to the job being built; nothing is sent before `flush()`.
    public func write(_ bytes: [UInt8], timeoutMilliseconds: Int) throws(TransportError) {
        lock.lock()
        defer { lock.unlock() }
        guard isOpen else { throw .disconnected("\(address) is closed") }
        buffer.append(contentsOf: bytes)
    }

    /// CUPS returns no data from the device: always empty, immediately.
    public func read(maxLength: Int, timeoutMilliseconds: Int) throws(TransportError) -> [UInt8] {
        []
    }

    /// Sends the buffered bytes as one job and waits for it to complete. Blocks.
    public func flush() throws(TransportError) {
        let bytes = lock.withLock { () -> [UInt8] in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        guard !bytes.isEmpty else { return }
        do {
            _ = try printer.printBlocking(bytes, title: jobTitle, format: format)
        } catch {
            throw Self.transportError(error)
        }
    }

    /// Sends what is still buffered (errors are dropped: call `flush()` to see them) and closes.
    public func close() {
        try? flush()
        lock.withLock { isOpen = false }
    }

    static func transportError(_ error: PrintError) -> TransportError {
        switch error {
        case .unreachable, .queueNotFound, .invalidDestination: .notFound(error.description)
        case .timeout: .timeout(error.description)
        case .refused, .jobAborted, .jobCanceled, .emptyDocument: .io(error.description)
        }
    }
}
