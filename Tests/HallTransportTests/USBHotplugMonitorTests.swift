import Foundation
import HallTransport
import Testing

/// USBHotplugMonitor in a umockdev testbed: `hall-usb-testbed` adds the printer and sends an
/// "add" uevent, then a "remove" uevent, while the probe's monitor reports what it sees.
@Suite("USB hotplug under umockdev")
struct USBHotplugMonitorTests {
    @Test("libusb hotplug callbacks report arrival and removal of a printer")
    func hotplugCallbacks() throws {
        let run = try EmulatedUSB.probeWithTestbed(
            ["--wait", "10000", "run", "monitor", "plug", "await:arrived", "unplug", "await:left"])
        #expect(run.steps("monitor").first?.mode == "hotplug", "\(run.stdout)\n\(run.stderr)")
        let events = run.lines.filter { $0.op == nil && $0.event != nil }
        #expect(events.map(\.event) == ["arrived", "left"])
        #expect(events.allSatisfy { $0.vendor == "0416" && $0.product == "5011" })
        #expect(run.status == 0)
    }

    @Test("polling fallback reports arrival and removal by re-enumerating")
    func polling() throws {
        let run = try EmulatedUSB.probeWithTestbed(
            ["--poll", "50", "--wait", "10000", "run", "monitor", "plug", "await:arrived", "unplug", "await:left"])
        #expect(run.steps("monitor").first?.mode == "polling")
        let events = run.lines.filter { $0.op == nil && $0.event != nil }
        #expect(events.map(\.event) == ["arrived", "left"])
        #expect(run.status == 0)
    }

    @Test("a device that does not match is not reported")
    func ignoresOtherDevices() throws {
        let run = try EmulatedUSB.probeWithTestbed(
            ["--vid", "04b8", "--no-class", "--wait", "1500", "run", "monitor", "plug", "await:arrived"])
        #expect(run.steps("await").first?.ok == false)
        #expect(run.lines.filter { $0.op == nil && $0.event != nil }.isEmpty)
    }

    @Test("devices already present are reported on start; the monitor stops cleanly")
    func enumeratesPresentDevices() throws {
        let run = try EmulatedUSB.probe(
            device: EmulatedUSB.printer,
            ["--wait", "5000", "run", "monitor", "await:arrived"])
        #expect(run.steps("await").first?.ok == true)
        #expect(run.status == 0)
    }
}
