import HallDisplay
import HallPrinter
import HallTransport
import Logging

/// Watches USB plug and unplug of the ticket printer and of the LED screens' USB-serial adapter,
/// so a replugged device is used at once (every driver also retries on its own timer, so a missed
/// event only delays).
struct DeviceHotplug: Sendable {
    /// The USB printer to watch, when the printer is on USB.
    let printer: USBDeviceMatch?
    /// The LED screens' adapter driven through libusb.
    let displayAdapter: DisplayUSBAdapter?
    let logger: Logger

    /// Retries pending tickets the moment the printer is plugged back in.
    func watchPrinter(_ spooler: PrintSpooler) -> USBHotplugMonitor? {
        guard let printer else { return nil }
        let logger = logger
        return start(printer, what: "the ticket printer") { event in
            logger.info("ticket printer \(event)")
            if event.kind == .arrived { Task { await spooler.printerArrived() } }
        }
    }

    /// Tells the LED bus when its adapter leaves or comes back, so the fault shows on /healthz
    /// without waiting for a call and the screens are restored on replug.
    func watchDisplays(_ bus: SerialDisplayBus) -> USBHotplugMonitor? {
        guard let displayAdapter else { return nil }
        let logger = logger
        return start(displayAdapter.hotplugMatch, what: "the LED screens") { event in
            logger.info("LED screens' USB-serial adapter \(event)")
            switch event.kind {
            case .arrived: bus.transportArrived()
            case .left: bus.transportLeft("USB-serial adapter \(event.device) unplugged")
            }
        }
    }

    private func start(
        _ match: USBDeviceMatch, what: String,
        onEvent: @escaping @Sendable (USBHotplugEvent) -> Void
    ) -> USBHotplugMonitor? {
        let monitor = USBHotplugMonitor(match: match)
        do {
            try monitor.start(onEvent)
            return monitor
        } catch {
            logger.warning("USB hotplug unavailable for \(what) (\(error)); relying on periodic retries")
            return nil
        }
    }
}
