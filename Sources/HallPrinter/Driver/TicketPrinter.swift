import Dispatch
import HallTransport

/// Makes (or re-makes) the connection to the printer; called again after a failure so an
/// unplugged and replugged printer is found anew.
public typealias DeviceConnectionFactory = @Sendable () throws -> any DeviceConnection

/// Drives one ESC/POS ticket printer over any ``DeviceConnection``.
///
/// All device I/O runs on the printer's own serial queue (it blocks for at most the
/// configured timeouts), never on the async executors. Before and after sending a job the
/// driver asks for the real-time status (DLE EOT 1-4) when the profile supports it and
/// classifies faults into a ``PrinterCondition``.
public final class TicketPrinter: @unchecked Sendable {
    /// Timeouts of the device exchanges.
    public struct Timing: Sendable {
        /// Wait for one status reply byte.
        public var statusReplyMilliseconds: Int
        /// Wait for a job's bytes to be accepted.
        public var writeMilliseconds: Int
        public init(statusReplyMilliseconds: Int = 500, writeMilliseconds: Int = 5_000) {
            self.statusReplyMilliseconds = statusReplyMilliseconds
            self.writeMilliseconds = writeMilliseconds
        }
    }

    /// The model being driven.
    public let profile: PrinterProfile
    /// Timeouts in use.
    public let timing: Timing

    private let factory: DeviceConnectionFactory
    private let queue = DispatchQueue(label: "hall.ticket-printer")
    // Confined to `queue`; this is why the class is @unchecked Sendable.
    private var connection: (any DeviceConnection)?

    /// Creates a driver; no connection is made until the first request.
    public init(profile: PrinterProfile, timing: Timing = Timing(), connect: @escaping DeviceConnectionFactory) {
        self.profile = profile
        self.timing = timing
        self.factory = connect
    }

    /// Prints `document`: status check, send, status check. Returns the condition after
    /// printing (``PrinterCondition/ready`` or ``PrinterCondition/paperNearEnd``).
    public func print(_ document: PrintDocument) async throws(PrintFailure) -> PrinterCondition {
        let bytes: [UInt8]
        do { bytes = try document.encode(for: profile) } catch { throw .encoding(error) }
        return try await print(bytes: bytes)
    }

    /// Sends already encoded bytes with the same status checks as ``print(_:)``.
    public func print(bytes: [UInt8]) async throws(PrintFailure) -> PrinterCondition {
        let result = await onQueue { $0.performPrint(bytes) }
        return try result.get()
    }

    /// Asks the printer for its status now (connecting if needed).
    public func currentCondition() async -> PrinterCondition {
        await onQueue { me in
            switch me.performStatusQuery() {
            case .success(let status): status.map(\.condition) ?? .ready
            case .failure(let failure): failure.condition
            }
        }
    }

    /// Closes the connection; the next request reconnects.
    public func disconnect() async {
        await onQueue { $0.dropConnection() }
    }

    // MARK: - On the queue

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (TicketPrinter) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body(self)) }
        }
    }

    private func connected() throws(TransportError) -> any DeviceConnection {
        if let connection { return connection }
        let made: any DeviceConnection
        do { made = try factory() } catch let error as TransportError { throw error } catch {
            throw .io(String(describing: error))
        }
        try made.open()
        connection = made
        return made
    }

    private func dropConnection() {
        connection?.close()
        connection = nil
    }

    private func performPrint(_ bytes: [UInt8]) -> Result<PrinterCondition, PrintFailure> {
        if case .failure(let f) = checkedReady() { return .failure(f) }
        do {
            let connection = try connected()
            try connection.write(bytes, timeoutMilliseconds: timing.writeMilliseconds)
            // A CUPS raw queue collects the bytes and submits them as one job here.
            try (connection as? BufferedDeviceConnection)?.flush()
        } catch {
            dropConnection()
            return .failure(.transport(error))
        }
        switch performStatusQuery() {
        case .failure(let f): return .failure(f)
        case .success(nil): return .success(.ready)
        case .success(let status?):
            let condition = status.condition
            return condition.canPrint ? .success(condition) : .failure(.notReady(condition))
        }
    }

    private func checkedReady() -> Result<Void, PrintFailure> {
        switch performStatusQuery() {
        case .failure(let f): return .failure(f)
        case .success(let status):
            if let status, !status.condition.canPrint { return .failure(.notReady(status.condition)) }
            return .success(())
        }
    }

    /// The printer's status, nil when the profile has no status support (then only the
    /// connection is checked). Transport errors and silence drop the connection.
    private func performStatusQuery() -> Result<PrinterStatus?, PrintFailure> {
        let conn: any DeviceConnection
        do { conn = try connected() } catch {
            dropConnection()
            return .failure(.transport(error))
        }
        guard profile.status == .realTime else { return .success(nil) }
        do {
            let reader = StatusReplyReader(connection: conn, timeoutMilliseconds: timing.statusReplyMilliseconds)
            guard let status = try reader.query() else {
                dropConnection()
                return .failure(.noStatusReply)
            }
            return .success(status)
        } catch {
            dropConnection()
            return .failure(.transport(error))
        }
    }
}
