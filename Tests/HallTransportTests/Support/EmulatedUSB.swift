import Foundation
import Testing

/// Runs `hall-usb-probe` against emulated USB devices.
///
/// - `umockdev-run --device F [--ioctl /dev/bus/usb/001/002=S] -- hall-usb-probe ARGS` for a
///   device that is present from the start, with scripted bulk transfers.
/// - `umockdev-wrapper hall-usb-testbed F SYSPATH S|- -- hall-usb-probe ARGS` for a device
///   that is plugged and unplugged while the probe runs.
enum EmulatedUSB {
    /// Node and sysfs path of the device in the fixtures.
    static let node = "/dev/bus/usb/001/002"
    static let syspath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
    static let printer = "printer-0416-5011.umockdev"
    /// hall-usb-testbed's printer that accepts URBs and never completes them.
    static let silentPrinter = "@silent"

    /// Runs the probe with a static device (or none when `device` is nil).
    static func probe(
        device: String?, ioctl: String? = nil, _ arguments: [String],
        environment: [String: String] = [:]
    ) throws -> ProcessRun {
        let umockdevRun = try #require(
            TestTools.onPath("umockdev-run"),
            "umockdev-run is missing: apt-get install umockdev")
        let probe = try #require(
            TestTools.builtProduct("hall-usb-probe"),
            "hall-usb-probe was not built next to the tests")
        var command: [String] = []
        if let device { command += ["--device", TestTools.fixture(device)] }
        if let ioctl { command += ["--ioctl", "\(node)=\(TestTools.fixture(ioctl))"] }
        command += ["--", probe] + arguments
        return try ProcessRun.run(umockdevRun, command, environment: environment)
    }

    /// Runs the probe inside a testbed that plugs/unplugs `device` (the printer by default) on
    /// request. `ioctl` names a script in Fixtures, or is a testbed device such as `silentPrinter`
    /// or `@serial:ch34x` (starting with `@`, passed as is).
    static func probeWithTestbed(device: String = printer, ioctl: String? = nil, _ arguments: [String]) throws -> ProcessRun {
        let wrapper = try #require(
            TestTools.onPath("umockdev-wrapper"),
            "umockdev-wrapper is missing: apt-get install umockdev")
        let testbed = try #require(
            TestTools.builtProduct("hall-usb-testbed"),
            "hall-usb-testbed was not built next to the tests")
        let probe = try #require(
            TestTools.builtProduct("hall-usb-probe"),
            "hall-usb-probe was not built next to the tests")
        let command =
            [
                testbed, TestTools.fixture(device), syspath,
                ioctl.map { $0.hasPrefix("@") ? $0 : TestTools.fixture($0) } ?? "-",
                "--", probe,
            ] + arguments
        return try ProcessRun.run(wrapper, command)
    }
}
