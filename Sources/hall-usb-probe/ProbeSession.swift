import Foundation
import HallTransport

/// One `USBConnection` (a `USBSerialConnection` with `--serial`) and, after `monitor`, one
/// `USBHotplugMonitor`, driven step by step.
///
/// Steps:
/// - `open`, `close`, `write:HEX`, `read:N`: the connection.
/// - `monitor`: starts the hotplug monitor (`--poll MS` selects polling instead).
/// - `plug`, `unplug`: print `{"testbed":"plug"}` / `{"testbed":"unplug"}`, a request to
///   `hall-usb-testbed` (the parent process) to add or remove the emulated device.
/// - `await:arrived`, `await:left`: wait up to `--wait` ms for that monitor event.
/// - `await:present`, `await:absent`: wait up to `--wait` ms until a matching device is on the bus,
///   or gone from it (without a monitor, whose event thread would keep polling an open emulated
///   device). `unplug` only asks the testbed, so a step that must find the device gone waits first.
final class ProbeSession {
    private let options: ProbeOptions
    private let connection: any DeviceConnection
    private let opened: () -> USBDeviceInfo?
    private var monitor: USBHotplugMonitor?
    private let events = EventQueue()

    init(options: ProbeOptions) {
        self.options = options
        if let chip = options.serialChip {
            let serial = USBSerialConnection(match: options.match, chip: chip.chip, settings: options.serialSettings)
            connection = serial
            opened = { serial.openedDevice }
        } else {
            let usb = USBConnection(match: options.match)
            connection = usb
            opened = { usb.openedDevice }
        }
    }

    /// Performs one step and prints its line; false when it failed.
    func perform(_ step: String) -> Bool {
        let parts = step.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts[0]
        let argument = parts.count > 1 ? parts[1] : ""
        do throws(TransportError) {
            switch name {
            case "open":
                try connection.open()
                var fields: [String: Any] = ["op": "open", "ok": true, "address": connection.address]
                if let info = opened() { fields.merge(ProbeOutput.device(info)) { a, _ in a } }
                ProbeOutput.emit(fields)
            case "close":
                connection.close()
                ProbeOutput.emit(["op": "close", "ok": true])
            case "write":
                guard let data = bytes(fromHex: argument) else { return usage(name, "bad hex") }
                try connection.write(data, timeoutMilliseconds: options.timeoutMilliseconds)
                ProbeOutput.emit(["op": "write", "ok": true, "bytes": data.count])
            case "read":
                let data = try connection.read(
                    maxLength: Int(argument) ?? 1,
                    timeoutMilliseconds: options.timeoutMilliseconds)
                ProbeOutput.emit(["op": "read", "ok": true, "data": hex(data)])
            case "monitor":
                try startMonitor()
            case "plug", "unplug":
                ProbeOutput.emit(["testbed": name])
            case "await":
                return awaitEvent(argument)
            default:
                return usage(name, "unknown step")
            }
            return true
        } catch {
            ProbeOutput.failure(name, error)
            return false
        }
    }

    /// Stops the monitor and closes the connection.
    func finish() {
        monitor?.stop()
        connection.close()
    }

    private func startMonitor() throws(TransportError) {
        let mode: USBHotplugMonitor.Mode =
            options.pollMilliseconds
            .map { .polling(intervalMilliseconds: $0) } ?? .hotplug
        let monitor = USBHotplugMonitor(match: options.match, mode: mode)
        let events = self.events
        try monitor.start { event in
            var fields = ProbeOutput.device(event.device)
            fields["event"] = event.kind.rawValue
            ProbeOutput.emit(fields)
            events.push(event.kind)
        }
        self.monitor = monitor
        ProbeOutput.emit(["op": "monitor", "ok": true, "mode": monitor.usesPolling ? "polling" : "hotplug"])
    }

    private func awaitEvent(_ name: String) -> Bool {
        if name == "present" || name == "absent" {
            let wanted = name == "present"
            let deadline = Date(timeIntervalSinceNow: Double(options.waitMilliseconds) / 1000)
            var reached = false
            while !reached, Date() < deadline {
                reached = ((try? USBDevices.list(matching: options.match)) ?? []).isEmpty != wanted
                if !reached { usleep(20_000) }
            }
            ProbeOutput.emit(["op": "await", "ok": reached, "event": name])
            return reached
        }
        guard let kind = USBHotplugEvent.Kind(rawValue: name) else { return usage("await", "arrived or left") }
        let got = events.wait(for: kind, milliseconds: options.waitMilliseconds)
        ProbeOutput.emit(["op": "await", "ok": got, "event": name])
        return got
    }

    private func usage(_ op: String, _ message: String) -> Bool {
        ProbeOutput.emit(["op": op, "ok": false, "error": "usage", "message": message])
        return false
    }
}

/// Hotplug event kinds handed from the monitor's thread to the step runner.
final class EventQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [USBHotplugEvent.Kind] = []

    func push(_ kind: USBHotplugEvent.Kind) {
        condition.lock()
        pending.append(kind)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for (and consumes) the first pending event of `kind`.
    func wait(for kind: USBHotplugEvent.Kind, milliseconds: Int) -> Bool {
        let deadline = Date(timeIntervalSinceNow: Double(milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = pending.firstIndex(of: kind) {
                pending.remove(at: index)
                return true
            }
            if !condition.wait(until: deadline) { return false }
        }
    }
}
