import Foundation
import HallTransport
import Logging

/// Which transport each configured device uses: `auto` becomes real hardware when it is present
/// and the emulator otherwise (or nothing, when halld passed no stand-ins).
struct DeviceTransportChoice {
    let printer: HardwareConfiguration.PrinterTransport
    let displays: HardwareConfiguration.DisplayTransport
    private let displaySettings: HardwareConfiguration.Displays
    private let adapters: USBSerialAdapterCatalog?

    init(hardware: HardwareConfiguration, devicesDirectory: URL, standIns: (any DeviceStandIns)?, logger: Logger) {
        adapters = try? USBSerialAdapterCatalog.load(directory: devicesDirectory.appendingPathComponent("usb-serial"))
        displaySettings = hardware.displays
        var printer = Self.resolve(hardware.ticketPrinter.transport)
        var displays = Self.resolve(hardware.displays, adapters: adapters)
        if standIns == nil {
            if printer == .emulator {
                logger.warning("no ticket printer found and no emulator to stand in: tickets are not printed")
                printer = .none
            }
            if displays == .emulator {
                logger.warning("no LED screen bus found and no emulator to stand in: calls are not shown on window screens")
                displays = .none
            }
        }
        self.printer = printer
        self.displays = displays
    }

    /// The LED screens' USB-serial adapter when they are driven through libusb.
    func displayAdapter() throws -> DisplayUSBAdapter? {
        guard displays == .usb else { return nil }
        guard let adapter = DisplayUSBAdapter.choose(displaySettings.usbAdapter, catalog: adapters, requirePresent: false) else {
            let named = displaySettings.usbAdapter.isEmpty ? "on the bus" : displaySettings.usbAdapter
            throw ConfigurationError.invalidValue(
                key: "hardware.displays.usbAdapter",
                reason: "no known USB-serial adapter \(named) (name one from devices/usb-serial or give its vvvv:pppp ids)")
        }
        return adapter
    }

    private static func resolve(_ transport: HardwareConfiguration.PrinterTransport) -> HardwareConfiguration.PrinterTransport {
        guard transport == .auto else { return transport }
        let found = (try? USBDevices.list(matching: .anyPrinter)) ?? []
        return found.isEmpty ? .emulator : .usb
    }

    private static func resolve(
        _ displays: HardwareConfiguration.Displays,
        adapters: USBSerialAdapterCatalog?
    ) -> HardwareConfiguration.DisplayTransport {
        guard displays.transport == .auto else { return displays.transport }
        guard !displays.screens.isEmpty else { return .none }
        if FileManager.default.fileExists(atPath: displays.path) { return .tty }
        // An adapter with no kernel driver bound has no /dev/ttyUSB*: drive it through libusb.
        if DisplayUSBAdapter.choose(displays.usbAdapter, catalog: adapters, requirePresent: true) != nil { return .usb }
        return .emulator
    }
}
