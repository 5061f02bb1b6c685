import Foundation
import HallCore
import HallTransport

/// One ID card reader on a byte transport (tty, libusb USB-serial, or an emulator's pty): the SAM
/// sequence find → select → read text, with timeouts, one retry of a damaged answer, and the
/// status for health. The protocol is `SAMCommand`/`SAMReply` over `SAMFrame`; the transport is
/// any `DeviceConnection`.
///
/// Calls block for at most their timeouts and are serialised: one exchange at a time. Card data
/// is returned to the caller and kept nowhere.
public final class IDCardReader: @unchecked Sendable {
    public let connection: any DeviceConnection
    public let model: IDCardReaderModel
    /// Where the reader is used (`kiosk`, `window-3`).
    public let place: String

    private let exchangeLock = NSLock()
    private let stateLock = NSLock()
    private var status: IDCardReaderStatus

    public init(connection: any DeviceConnection, model: IDCardReaderModel, place: String) {
        self.connection = connection
        self.model = model
        self.place = place
        status = IDCardReaderStatus(
            place: place, address: connection.address, model: model.id, connected: false, lastError: nil, reads: 0,
            failures: 0, lastReadAt: nil)
    }

    /// Reads the card on the reader now.
    public func read() throws(IDCardReaderError) -> IDCardHolder {
        try read(waitingUpTo: 0)
    }

    /// Reads the card on the reader, waiting up to `waitMilliseconds` for one to be placed
    /// (asking every `pollMilliseconds`).
    public func read(waitingUpTo waitMilliseconds: Int, pollMilliseconds: Int = 250) throws(IDCardReaderError) -> IDCardHolder {
        exchangeLock.lock()
        defer { exchangeLock.unlock() }
        let deadline = ReaderDeadline(milliseconds: max(0, waitMilliseconds))
        do throws(IDCardReaderError) {
            while true {
                do throws(IDCardReaderError) {
                    let holder = try readOnce()
                    note(nil, read: true)
                    return holder
                } catch .noCard where !deadline.hasPassed {
                    note(nil, read: false)
                    usleep(UInt32(max(10, min(pollMilliseconds, max(1, deadline.remainingMilliseconds)))) * 1000)
                }
            }
        } catch {
            note(error, read: true)
            throw error
        }
    }

    /// Asks the SAM module for its status (11 FF): a health check that needs no card.
    public func checkModule() throws(IDCardReaderError) {
        exchangeLock.lock()
        defer { exchangeLock.unlock() }
        do throws(IDCardReaderError) {
            let reply = try exchange(.status, timeoutMilliseconds: model.commandTimeoutMilliseconds)
            guard reply.status == .success else { throw .readerFault(reply.status) }
            note(nil, read: false)
        } catch {
            note(error, read: false)
            throw error
        }
    }

    /// The reader's state for health and the device list.
    public func currentStatus() -> IDCardReaderStatus { stateLock.withLock { status } }

    /// The reader's USB device went away: report it at once and close the port (on another thread).
    public func transportLeft(_ reason: String) {
        stateLock.withLock {
            status.connected = false
            status.lastError = "disconnected: \(reason)"
        }
        let connection = self.connection
        DispatchQueue.global().async { connection.close() }
    }

    // MARK: The sequence

    private func readOnce() throws(IDCardReaderError) -> IDCardHolder {
        let found = try exchange(.findCard, timeoutMilliseconds: model.commandTimeoutMilliseconds)
        switch found.status {
        case .cardFound: break
        case .noCard: throw .noCard
        default: throw Self.fault(found.status)
        }
        let selected = try exchange(.selectCard, timeoutMilliseconds: model.commandTimeoutMilliseconds)
        switch selected.status {
        case .success: break
        case .selectFailed, .noCard: throw .cardRemoved
        default: throw Self.fault(selected.status)
        }
        let text = try exchange(.readText, timeoutMilliseconds: model.readTimeoutMilliseconds)
        switch text.status {
        case .success: return try IDCardTextBlock.holder(of: try SAMReadPayload.textBlock(of: text.data))
        case .readFailed, .noCard, .selectFailed: throw .cardRemoved
        default: throw Self.fault(text.status)
        }
    }

    /// The error for a status that is not the expected one.
    static func fault(_ status: SAMStatus) -> IDCardReaderError {
        switch status {
        case .unknownCardType: .unknownCardType
        case .checksumError, .lengthError: .corruptFrame("reader refused our frame: \(status)")
        default: .readerFault(status)
        }
    }

    // MARK: Exchanges

    /// Sends `command` and waits for its answer. A damaged answer (or the reader saying our frame
    /// was damaged) is retried once.
    private func exchange(_ command: SAMCommand, timeoutMilliseconds: Int) throws(IDCardReaderError) -> SAMReply {
        do throws(TransportError) {
            try connection.open()
        } catch {
            throw .transport(error)
        }
        var problem = ""
        for _ in 0..<2 {
            discardStaleInput()
            do throws(TransportError) {
                try connection.write(command.frame.bytes, timeoutMilliseconds: timeoutMilliseconds)
            } catch {
                throw .transport(error)
            }
            switch try awaitReply(timeoutMilliseconds: timeoutMilliseconds) {
            case .frame(let frame):
                guard let reply = SAMReply(frame: frame) else { throw .malformedAnswer("answer of \(frame.body.count) bytes") }
                if reply.status == .checksumError || reply.status == .lengthError {
                    problem = "reader refused \(command): \(reply.status)"
                    continue
                }
                return reply
            case .badChecksum:
                problem = "bad checksum in the answer to \(command)"
            case .badLength(let n):
                problem = "impossible length \(n) in the answer to \(command)"
            }
        }
        throw .corruptFrame(problem)
    }

    /// The first frame or fault to arrive before the timeout.
    private func awaitReply(timeoutMilliseconds: Int) throws(IDCardReaderError) -> SAMDecoded {
        let deadline = ReaderDeadline(milliseconds: timeoutMilliseconds)
        var buffer: [UInt8] = []
        while true {
            if let decoded = SAMFrameDecoder.next(from: &buffer) { return decoded }
            if deadline.hasPassed { throw .timeout }
            do throws(TransportError) {
                buffer += try connection.read(maxLength: 2048, timeoutMilliseconds: max(1, deadline.remainingMilliseconds))
            } catch {
                throw .transport(error)
            }
        }
    }

    private func discardStaleInput() {
        while let stale = try? connection.read(maxLength: 2048, timeoutMilliseconds: 0), !stale.isEmpty {}
    }

    // MARK: Status

    private func note(_ error: IDCardReaderError?, read: Bool) {
        stateLock.withLock {
            switch error {
            case nil:
                status.connected = true
                status.lastError = nil
                if read {
                    status.reads += 1
                    status.lastReadAt = Date()
                }
            case .disconnected(let why)?:
                status.connected = false
                status.lastError = "disconnected: \(why)"
                status.failures += 1
            case .inaccessible(let why)?:
                status.connected = false
                status.lastError = "inaccessible: \(why)"
                status.failures += 1
            case .timeout?, .corruptFrame?, .malformedAnswer?, .readerFault?:
                status.lastError = error.map(\.code)
                status.failures += 1
            case .noCard?:
                status.connected = true
                status.lastError = nil
            case .some:
                // Card problems (removed, unsupported, unreadable): the reader itself is fine.
                status.connected = true
                status.lastError = nil
                status.failures += 1
            }
        }
    }
}
