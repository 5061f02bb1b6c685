import Foundation
import HallTransport

/// Several window screens on one serial bus (RS-485 or a single USB-serial screen), one address
/// per window. Calls are queued and sent by one worker thread; each command waits for the screen's
/// answer for `ackTimeoutMilliseconds`, is retried `retries` times, and then the screen is marked
/// not responding. A screen already marked silent gets a single attempt per command until it answers
/// again, so its cost to the other screens is bounded. The worker reopens the port after an unplug;
/// a hotplug monitor can tell it at once (`transportLeft`, `transportArrived`).
public final class SerialDisplayBus: DisplayDriver, @unchecked Sendable {
    public let profile: DisplayProfile
    public let connection: any DeviceConnection
    private let wire: any DisplayWireProtocol
    private let addresses: [Int: UInt8]
    private let reconnectDelayMilliseconds: Int
    private let writeTimeoutMilliseconds: Int

    private let condition = NSCondition()
    private var pending = PendingCommands()
    private var screens: [UInt8: ScreenStatus]
    private var connected = false
    private var transportError: String?
    private var busy = false
    private var running = false
    private var wakeEarly = false
    /// What each screen should show (the last content command queued), to restore after a replug.
    private var desired: [UInt8: (window: Int, command: ScreenCommand)] = [:]
    private var worker: Thread?
    /// Orders the close that an unplug asks for before any reopen: the close runs on another
    /// thread, and a late one must not close the port the worker has just reopened.
    private let connectionGate = NSLock()
    /// An unplug asked for the port to be closed and no one has closed it yet (under the gate).
    private var closeRequested = false

    /// - Parameters:
    ///   - screens: window number → bus address (1…254 for hall-frame-v1).
    ///   - reconnectDelayMilliseconds: pause between attempts to reopen a port that failed.
    public init(
        connection: any DeviceConnection, profile: DisplayProfile, screens: [Int: UInt8],
        reconnectDelayMilliseconds: Int = 1000, writeTimeoutMilliseconds: Int = 1000
    ) throws(DisplayError) {
        guard Set(screens.values).count == screens.count else {
            throw .invalidArgument("two windows share one bus address")
        }
        self.connection = connection
        self.profile = profile
        self.wire = try profile.wireProtocol()
        self.addresses = screens
        self.reconnectDelayMilliseconds = reconnectDelayMilliseconds
        self.writeTimeoutMilliseconds = writeTimeoutMilliseconds
        var statuses: [UInt8: ScreenStatus] = [:]
        for (window, address) in screens { statuses[address] = ScreenStatus(window: window, address: Int(address)) }
        self.screens = statuses
    }

    deinit { stop() }

    /// Starts the worker thread. Commands queued before are sent then.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !running else { return }
        running = true
        let thread = Thread { [weak self] in self?.run() }
        thread.name = "hall.display-bus"
        worker = thread
        thread.start()
    }

    /// Stops the worker after the command in progress and closes the port.
    public func stop() {
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
        connection.close()
    }

    // MARK: DisplayDriver

    public var windows: [Int] { addresses.keys.sorted() }

    public func showCall(_ text: String, window: Int) throws(DisplayError) {
        try enqueue(.showCall(text), window: window)
    }

    public func showIdleText(_ text: String, window: Int) throws(DisplayError) {
        try enqueue(.showIdleText(text), window: window)
    }

    public func showImage(_ image: DisplayBitmap, call: Bool, window: Int) throws(DisplayError) {
        guard imagePixels != nil else { throw .unsupportedCommand("images (\(profile.id))") }
        try enqueue(.showImage(image, call: call), window: window)
    }

    public var imagePixels: DisplayProfile.Pixels? { profile.imagePixels }

    public func setBrightness(_ level: Int, window: Int) throws(DisplayError) {
        guard profile.supportsBrightness else { throw .unsupportedCommand("brightness (\(profile.id))") }
        try enqueue(.brightness(level), window: window)
    }

    public func clear(window: Int) throws(DisplayError) {
        try enqueue(.clear, window: window)
    }

    /// Asks every screen to answer (for a periodic health check); silent screens become not responding.
    public func pingAll() {
        for window in windows { try? enqueue(.ping, window: window) }
    }

    public func status() -> DisplayStatus {
        condition.lock()
        defer { condition.unlock() }
        return DisplayStatus(
            bus: connection.address, profileID: profile.id, connected: connected,
            transportError: transportError, pending: pending.count,
            screens: screens.values.sorted { $0.window < $1.window })
    }

    // MARK: Hotplug

    /// The port's device came back (e.g. the USB-serial adapter was replugged): reopen it now
    /// instead of at the next retry, and send every screen what it should show, since a controller
    /// powered from the adapter has forgotten it.
    public func transportArrived() {
        condition.lock()
        for (address, want) in desired where !pending.hasPending(address: address, slot: .content) {
            if let frame = try? wire.encodeRequest(want.command, address: address) {
                pending.push(.init(window: want.window, address: address, command: want.command, frame: frame))
            }
        }
        wakeEarly = true
        condition.broadcast()
        condition.unlock()
    }

    /// The port's device went away: report it at once, even when nothing is being sent. Queued
    /// commands stay queued. Returns at once (the port is closed on another thread: a libusb hotplug
    /// callback must not wait for a transfer, which needs that very thread to complete; the worker
    /// closes it first itself if it reopens before that thread ran).
    public func transportLeft(_ reason: String) {
        withLock {
            connected = false
            transportError = "disconnected: \(reason)"
        }
        connectionGate.withLock { closeRequested = true }
        DispatchQueue.global().async { self.connectionGate.withLock { self.closeIfRequested() } }
    }

    /// Closes the port if an unplug asked for it and no one has since; the caller holds the gate.
    private func closeIfRequested() {
        guard closeRequested else { return }
        closeRequested = false
        connection.close()
    }

    /// Waits until nothing is queued or being sent; false after `timeoutMilliseconds`.
    public func waitUntilIdle(timeoutMilliseconds: Int) -> Bool {
        let limit = Date(timeIntervalSinceNow: Double(timeoutMilliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while busy || !pending.isEmpty {
            if !condition.wait(until: limit) { return !busy && pending.isEmpty }
        }
        return true
    }

    // MARK: Queue

    private func enqueue(_ command: ScreenCommand, window: Int) throws(DisplayError) {
        guard let address = addresses[window] else { throw .noScreenForWindow(window) }
        let frame = try wire.encodeRequest(command, address: address)
        condition.lock()
        if PendingCommands.Slot(command) == .content { desired[address] = (window, command) }
        pending.push(.init(window: window, address: address, command: command, frame: frame))
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while running && pending.isEmpty { condition.wait() }
            guard running, let entry = pending.popFirst() else {
                condition.unlock()
                return
            }
            busy = true
            wakeEarly = false
            condition.unlock()

            let sent = send(entry)

            condition.lock()
            if !sent { pending.restore(entry) }
            busy = false
            condition.broadcast()
            condition.unlock()
            if !sent { pause(milliseconds: reconnectDelayMilliseconds) }
        }
    }

    /// Sleeps unless stopped meanwhile.
    private func pause(milliseconds: Int) {
        let limit = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
        condition.lock()
        while running && !wakeEarly && condition.wait(until: limit) {}
        condition.unlock()
    }

    // MARK: Sending

    /// Sends one command with its retries. Returns false when the port failed (the command is kept).
    private func send(_ entry: PendingCommands.Entry) -> Bool {
        do {
            try connectionGate.withLock {
                closeIfRequested()
                try connection.open()
            }
        } catch {
            noteTransport(error)
            return false
        }
        let silentBefore = withLock { screens[entry.address]?.state == .notResponding }
        let attempts = profile.ackExpected ? 1 + (silentBefore ? 0 : max(0, profile.retries)) : 1
        var lastProblem = "no answer"
        for attempt in 1...attempts {
            if attempt > 1, withLock({ pending.hasPending(address: entry.address, slot: entry.slot) }) {
                return true  // superseded while retrying: the newer command goes next
            }
            do {
                discardStaleInput()
                try connection.write(entry.frame, timeoutMilliseconds: writeTimeoutMilliseconds)
                noteTransportOK()
                withLock { screens[entry.address]?.framesSent += 1 }
                guard profile.ackExpected else {
                    record(entry, state: .unconfirmed, error: nil)
                    return true
                }
                switch try awaitReply(from: entry.address, code: wire.code(of: entry.command), frameBytes: entry.frame.count) {
                case .ack?:
                    record(entry, state: .responding, error: nil)
                    return true
                case .nak(_, _, let reason)?:
                    lastProblem = "refused: \(reason)"
                case nil:
                    lastProblem = "no answer within \(profile.ackTimeoutMilliseconds) ms"
                }
                withLock { screens[entry.address]?.failedAttempts += 1 }
            } catch {
                noteTransport(error)
                return false
            }
        }
        record(entry, state: .notResponding, error: "\(lastProblem) after \(attempts) attempt(s)")
        return true
    }

    /// Waits for the screen's answer: the profile's time, plus the time the frame takes on the
    /// line (the write returns once the bytes are in the kernel's buffer; an image frame takes
    /// about a second at 9600 baud).
    private func awaitReply(from address: UInt8, code: UInt8, frameBytes: Int) throws(TransportError) -> ScreenReply? {
        let lineMilliseconds = frameBytes * 10 * 1000 / max(1, profile.serial.baudRate)
        let wait = UInt64(profile.ackTimeoutMilliseconds + lineMilliseconds)
        let deadline = DispatchTime.now().uptimeNanoseconds + wait * 1_000_000
        var buffer: [UInt8] = []
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            let chunk = try connection.read(maxLength: 256, timeoutMilliseconds: Int((deadline - now) / 1_000_000) + 1)
            buffer += chunk
            while let reply = wire.decodeReply(from: &buffer) {
                guard reply.address == address else { continue }  // late answer of another screen
                switch reply {
                case .ack(_, let c) where c == code: return reply
                case .nak(_, let c, _) where c == code || c == 0xFF: return reply
                default: continue
                }
            }
        }
    }

    private func discardStaleInput() {
        while let stale = try? connection.read(maxLength: 256, timeoutMilliseconds: 0), !stale.isEmpty {}
    }

    // MARK: Status

    private func record(_ entry: PendingCommands.Entry, state: ScreenStatus.State, error: String?) {
        withLock {
            guard var s = screens[entry.address] else { return }
            s.state = state
            s.lastError = error
            if state != .notResponding {
                if state == .responding {
                    s.lastAnswerAt = Date()
                    s.failedAttempts = 0
                }
                switch entry.command {
                case .showCall(let t), .showIdleText(let t): s.text = t
                case .showImage(let image, _): s.text = "图像 \(image.width)×\(image.height)"
                case .clear: s.text = ""
                case .brightness(let b): s.brightness = b
                case .ping: break
                }
            }
            screens[entry.address] = s
        }
    }

    private func noteTransport(_ error: any Error) {
        if case TransportError.disconnected = error { connection.close() }
        withLock {
            connected = false
            transportError = "\(error)"
        }
    }

    private func noteTransportOK() {
        withLock {
            connected = true
            transportError = nil
        }
    }

    private func withLock<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
