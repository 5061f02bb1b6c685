import CLibUSB
import Foundation

/// Watches the USB bus for devices satisfying a `USBDeviceMatch` and reports arrivals and
/// removals.
///
/// With libusb hotplug support (Linux with udev or netlink) it registers a hotplug callback
/// and runs one event-handling thread (`libusb_handle_events_timeout_completed`). Where
/// hotplug is not supported, or when `.polling` is asked for, a thread re-enumerates the bus
/// periodically and reports the difference. Devices already present when monitoring starts
/// are reported as arrivals.
public final class USBHotplugMonitor: @unchecked Sendable {
    /// How the monitor learns about changes.
    public enum Mode: Sendable, Equatable {
        /// Hotplug callbacks when libusb supports them, else polling.
        case automatic
        /// Hotplug callbacks only; `start` throws where unsupported.
        case hotplug
        /// Re-enumerate every `intervalMilliseconds`.
        case polling(intervalMilliseconds: Int)
    }

    /// What the monitor reports.
    public let match: USBDeviceMatch
    /// The requested mode.
    public let mode: Mode

    private let running = TransportLock<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let wakeUp = DispatchSemaphore(value: 0)
    private var callbackHandle: libusb_hotplug_callback_handle = 0
    private var callbackBox: Unmanaged<HotplugCallbackBox>?
    private var context: USBContext?
    private var pollingActive = false

    /// Creates a monitor; nothing happens until `start`.
    public init(match: USBDeviceMatch, mode: Mode = .automatic) {
        self.match = match
        self.mode = mode
    }

    deinit { stop() }

    /// True when the monitor runs (or would run) by polling instead of hotplug callbacks.
    public var usesPolling: Bool {
        if case .polling = mode { return true }
        if mode == .hotplug { return false }
        return (try? USBContext.shared().supportsHotplug) != true
    }

    /// Starts monitoring; `handler` is called on the monitor's thread for every event.
    /// Call from one thread; starting twice throws `busy`.
    public func start(_ handler: @escaping @Sendable (USBHotplugEvent) -> Void) throws(TransportError) {
        let wasRunning = running.withLock { value -> Bool in
            defer { value = true }
            return value
        }
        guard !wasRunning else { throw .busy("USB monitor for \(match) already runs") }
        do throws(TransportError) {
            let context = try USBContext.shared()
            self.context = context
            switch mode {
            case .polling(let interval):
                startPolling(context, intervalMilliseconds: interval, handler)
            case .hotplug:
                guard context.supportsHotplug else {
                    throw .io("libusb \(USBContext.libraryVersion) has no hotplug support here")
                }
                try startHotplug(context, handler)
            case .automatic:
                if context.supportsHotplug {
                    try startHotplug(context, handler)
                } else {
                    startPolling(context, intervalMilliseconds: 1000, handler)
                }
            }
        } catch {
            running.withLock { $0 = false }
            throw error
        }
    }

    /// Starts monitoring and delivers the events as an async sequence; the stream finishes
    /// when `stop()` is called.
    public func events() throws(TransportError) -> AsyncStream<USBHotplugEvent> {
        let (stream, continuation) = AsyncStream<USBHotplugEvent>.makeStream()
        try start { continuation.yield($0) }
        onStop = { continuation.finish() }
        return stream
    }

    private var onStop: (@Sendable () -> Void)?

    /// Stops the thread and deregisters the callback; waits until the thread has ended.
    public func stop() {
        let wasRunning = running.withLock { value -> Bool in
            defer { value = false }
            return value
        }
        guard wasRunning, let context else { return }
        if pollingActive {
            wakeUp.signal()
        } else {
            libusb_hotplug_deregister_callback(context.raw, callbackHandle)
            libusb_interrupt_event_handler(context.raw)
        }
        finished.wait()
        callbackBox?.release()
        callbackBox = nil
        onStop?()
        onStop = nil
    }

    // MARK: - Hotplug

    private func startHotplug(
        _ context: USBContext,
        _ handler: @escaping @Sendable (USBHotplugEvent) -> Void
    ) throws(TransportError) {
        pollingActive = false
        let box = Unmanaged.passRetained(HotplugCallbackBox(match: match, handler: handler))
        let anyID = LIBUSB_HOTPLUG_MATCH_ANY
        let onlyByIDs = match.interfaceClass == nil && match.vendorID != nil
        let vendor = onlyByIDs ? Int32(match.vendorID!) : anyID
        let product = onlyByIDs ? (match.productID.map(Int32.init) ?? anyID) : anyID
        var handle: libusb_hotplug_callback_handle = 0
        let events = LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue
        let rc = libusb_hotplug_register_callback(
            context.raw, Int32(events), Int32(LIBUSB_HOTPLUG_ENUMERATE.rawValue),
            vendor, product, anyID, hotplugTrampoline, box.toOpaque(), &handle)
        guard rc == 0 else {
            box.release()
            throw USBError.transportError(rc, during: "libusb_hotplug_register_callback")
        }
        callbackBox = box
        callbackHandle = handle
        let thread = Thread { [running, finished] in
            while running.withLock({ $0 }) {
                var tv = timeval(tv_sec: 0, tv_usec: 200_000)
                _ = libusb_handle_events_timeout_completed(context.raw, &tv, nil)
            }
            finished.signal()
        }
        thread.name = "hall-usb-hotplug"
        thread.start()
    }

    // MARK: - Polling

    private func startPolling(
        _ context: USBContext, intervalMilliseconds: Int,
        _ handler: @escaping @Sendable (USBHotplugEvent) -> Void
    ) {
        pollingActive = true
        let match = self.match
        let thread = Thread { [running, finished, wakeUp] in
            var known: Set<USBDeviceInfo> = []
            while running.withLock({ $0 }) {
                if let current = try? USBDeviceFinder.list(match, in: context) {
                    let now = Set(current)
                    for device in current where !known.contains(device) {
                        handler(USBHotplugEvent(kind: .arrived, device: device))
                    }
                    for device in known.subtracting(now) {
                        handler(USBHotplugEvent(kind: .left, device: device))
                    }
                    known = now
                }
                _ = wakeUp.wait(timeout: .now() + .milliseconds(max(10, intervalMilliseconds)))
            }
            finished.signal()
        }
        thread.name = "hall-usb-poll"
        thread.start()
    }
}

/// State reachable from the C hotplug callback.
final class HotplugCallbackBox: @unchecked Sendable {
    let match: USBDeviceMatch
    let handler: @Sendable (USBHotplugEvent) -> Void
    /// Devices reported as arrived, so their removal is reported even if descriptors are gone.
    /// Only touched on the event thread.
    var present: Set<USBDeviceInfo> = []

    init(match: USBDeviceMatch, handler: @escaping @Sendable (USBHotplugEvent) -> Void) {
        self.match = match
        self.handler = handler
    }

    func handle(device: OpaquePointer, event: libusb_hotplug_event) {
        if event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED {
            guard let info = USBDeviceScan.info(of: device), info.satisfies(match) else { return }
            present.insert(info)
            handler(USBHotplugEvent(kind: .arrived, device: info))
        } else {
            let bus = libusb_get_bus_number(device)
            let address = libusb_get_device_address(device)
            guard let info = present.first(where: { $0.busNumber == bus && $0.address == address }) else { return }
            present.remove(info)
            handler(USBHotplugEvent(kind: .left, device: info))
        }
    }
}

private func hotplugTrampoline(
    _ context: OpaquePointer?, _ device: OpaquePointer?,
    _ event: libusb_hotplug_event, _ userData: UnsafeMutableRawPointer?
) -> Int32 {
    guard let device, let userData else { return 0 }
    Unmanaged<HotplugCallbackBox>.fromOpaque(userData).takeUnretainedValue().handle(device: device, event: event)
    return 0
}
