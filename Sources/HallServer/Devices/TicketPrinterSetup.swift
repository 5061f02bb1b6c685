import Foundation
import HallPrinter
import HallTransport
import Logging

/// Builds the ticket printer's driver for the chosen transport: its model from `devices/printers`
/// (pinned by `hardware.ticketPrinter.profile`, else matched by USB ids, else the fallback) and how
/// to connect to it.
enum TicketPrinterSetup {
    /// The driver, or nil when there is no ticket printer.
    static func make(
        _ settings: HardwareConfiguration.TicketPrinter, transport: HardwareConfiguration.PrinterTransport,
        devicesDirectory: URL, standIns: (any DeviceStandIns)?, logger: Logger
    ) throws -> TicketPrinter? {
        guard transport != .none else { return nil }
        let catalog = try? PrinterProfileCatalog(directory: devicesDirectory.appendingPathComponent("printers"))
        let profile = Self.profile(settings, catalog: catalog, transport: transport)
        let connect = try Self.connection(transport, settings: settings, profile: profile, standIns: standIns)
        logger.info("ticket printer: \(transport.rawValue), profile \(profile.id)")
        return TicketPrinter(profile: profile, timing: .init(statusReplyMilliseconds: 1_500), connect: connect)
    }

    private static func profile(
        _ settings: HardwareConfiguration.TicketPrinter, catalog: PrinterProfileCatalog?,
        transport: HardwareConfiguration.PrinterTransport
    ) -> PrinterProfile {
        guard let catalog else { return PrinterProfileCatalog(profiles: []).fallback }
        if !settings.profile.isEmpty, let pinned = catalog.profile(id: settings.profile) { return pinned }
        if transport == .usb, let device = (try? USBDevices.list(matching: .anyPrinter))?.first {
            return catalog.profile(matching: USBDeviceID(vendorID: device.vendorID, productID: device.productID))
        }
        return catalog.fallback
    }

    private static func connection(
        _ transport: HardwareConfiguration.PrinterTransport,
        settings: HardwareConfiguration.TicketPrinter, profile: PrinterProfile,
        standIns: (any DeviceStandIns)?
    ) throws -> DeviceConnectionFactory {
        switch transport {
        case .usb:
            let ids = profile.usb.first
            let match = USBDeviceMatch(vendorID: ids?.vendorID, productID: ids?.productID)
            return { USBConnection(match: match) }
        case .tcp:
            let (host, port) = TCPAddress.parse(settings.address)
            return { TCPConnection(host: host, port: port) }
        case .device:
            let path = settings.address.isEmpty ? "/dev/usb/lp0" : settings.address
            return { CharacterDeviceConnection(path: path) }
        case .cups:
            let destination = PrintDestination(configured: settings.address)
            return { CupsRawConnection(destination: destination) }
        case .emulator:
            guard let standIns else {
                throw ConfigurationError.invalidValue(key: "hardware.ticketPrinter.transport", reason: "no emulator to stand in")
            }
            let port = try standIns.startTicketPrinter()
            return { TCPConnection(host: "127.0.0.1", port: port) }
        case .auto, .none:
            throw ConfigurationError.invalidValue(key: "hardware.ticketPrinter.transport", reason: "unresolved transport")
        }
    }
}
