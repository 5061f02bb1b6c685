import Foundation
import HallCore
import HallDisplay
import HallEmulators
import HallPrinter
import HallStore
import HallTransport
import Logging

/// The hall's devices as configured: the kiosk's ticket printer, the LED window screens and the
/// voice. With `auto`, real hardware is used when present and the emulators otherwise (the
/// demo hall); the emulators' output lands under the state directory (`printed/`, `ttyLED`).
public final class HallDevices: Sendable {
    public let printing: TicketPrinting?
    public let calls: CallAnnouncements?
    /// Emulated devices started for the demo, kept alive with the daemon.
    public let emulators: DemoEmulators?
    /// Document scanners at the windows (`hardware.scanners`), nil when turned off.
    public let scanners: ScannerStations?
    /// The USB printer to watch for plug/unplug, when the printer is on USB.
    private let usbPrinter: USBDeviceMatch?
    /// The LED screens' USB-serial adapter driven through libusb, to watch for plug/unplug.
    private let displayAdapter: DisplayUSBAdapter?
    private let logger: Logger

    /// Builds (and for emulators starts) the devices. A device that cannot be opened now is
    /// still built: its driver retries, and /healthz reports the fault.
    init(configuration: HallConfiguration, database: HallDatabase, logger: Logger) throws {
        self.logger = logger
        let hardware = configuration.hardware
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        let devices = URL(fileURLWithPath: configuration.devicesDirectory)
        let printerTransport = Self.resolve(hardware.ticketPrinter.transport)
        let adapters = try? USBSerialAdapterCatalog.load(directory: devices.appendingPathComponent("usb-serial"))
        let displayTransport = Self.resolve(hardware.displays, adapters: adapters)
        let needsEmulators = printerTransport == .emulator || displayTransport == .emulator
        emulators = needsEmulators
            ? try DemoEmulators(stateDirectory: state, printer: printerTransport == .emulator,
                                screens: displayTransport == .emulator ? hardware.displays.screens.map { UInt8($0.address) } : [])
            : nil

        usbPrinter = printerTransport == .usb ? .anyPrinter : nil
        if printerTransport == .none {
            printing = nil
        } else {
            let catalog = (try? PrinterProfileCatalog(directory: devices.appendingPathComponent("printers")))
            let profile = Self.printerProfile(hardware.ticketPrinter, catalog: catalog, transport: printerTransport)
            let connect = try Self.printerConnection(printerTransport, settings: hardware.ticketPrinter, profile: profile,
                                                     emulatorPort: emulators?.printerPort)
            let spooler = PrintSpooler(printer: TicketPrinter(profile: profile, timing: .init(statusReplyMilliseconds: 1_500), connect: connect),
                                       journal: SQLitePrintJobJournal(journal: SQLiteJobJournal(database, kind: "ticket-print")))
            printing = TicketPrinting(spooler: spooler, center: configuration.center, timeZone: configuration.queue.timeZone,
                                      keys: try TicketKeys(database: database))
            logger.info("ticket printer: \(printerTransport.rawValue), profile \(profile.id)")
        }

        if displayTransport == .usb {
            guard let adapter = DisplayUSBAdapter.choose(hardware.displays.usbAdapter, catalog: adapters, requirePresent: false) else {
                throw ConfigurationError.invalidValue(
                    key: "hardware.displays.usbAdapter",
                    reason: "no known USB-serial adapter \(hardware.displays.usbAdapter.isEmpty ? "on the bus" : hardware.displays.usbAdapter) "
                        + "(name one from devices/usb-serial or give its vvvv:pppp ids)")
            }
            displayAdapter = adapter
        } else {
            displayAdapter = nil
        }
        calls = try Self.callAnnouncements(configuration, transport: displayTransport, devices: devices, state: state,
                                           emulatorPath: emulators?.displayPath, usbAdapter: displayAdapter, logger: logger)
        scanners = try ScannerStations.make(configuration: configuration, database: database, logger: logger)
    }

    /// Runs the background work (print retries, screen idle texts) until cancelled.
    public func run() async {
        scanners?.start()
        defer { scanners?.stop() }
        calls?.bus?.start()
        calls?.sink.display?.showIdleEverywhere()
        let displayMonitor = startDisplayHotplug()
        defer {
            displayMonitor?.stop()
            calls?.bus?.stop()
        }
        guard let printing else {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return
        }
        await printing.spooler.restorePending()
        let monitor = startHotplug(printing.spooler)
        await printing.spooler.run()
        monitor?.stop()
    }

    /// Tells the LED bus at once when its USB-serial adapter leaves or comes back, so the fault
    /// shows on /healthz without waiting for a call and the screens are restored on replug (the
    /// bus also retries on its own, so a missed event only delays).
    private func startDisplayHotplug() -> USBHotplugMonitor? {
        guard let displayAdapter, let bus = calls?.bus else { return nil }
        let monitor = USBHotplugMonitor(match: displayAdapter.hotplugMatch)
        let logger = logger
        do {
            try monitor.start { event in
                logger.info("LED screens' USB-serial adapter \(event)")
                switch event.kind {
                case .arrived: bus.transportArrived()
                case .left: bus.transportLeft("USB-serial adapter \(event.device) unplugged")
                }
            }
            return monitor
        } catch {
            logger.warning("USB hotplug unavailable for the LED screens (\(error)); relying on the bus's retries")
            return nil
        }
    }

    /// Retries pending tickets the moment a USB printer is plugged back in (the spooler also
    /// retries on its own timer, so a missed event only delays).
    private func startHotplug(_ spooler: PrintSpooler) -> USBHotplugMonitor? {
        guard let usbPrinter else { return nil }
        let monitor = USBHotplugMonitor(match: usbPrinter)
        let logger = logger
        do {
            try monitor.start { event in
                logger.info("ticket printer \(event)")
                if event.kind == .arrived { Task { await spooler.printerArrived() } }
            }
            return monitor
        } catch {
            logger.warning("USB hotplug unavailable (\(error)); relying on periodic retries")
            return nil
        }
    }

    /// Health of every device, for /healthz and metrics.
    public func health() async -> [DeviceHealth] {
        var list: [DeviceHealth] = []
        if let printing { list.append(await printing.health()) }
        if let status = calls?.bus?.status() {
            list.append(DeviceHealth(name: "led-bus", ok: status.connected || status.transportError == nil,
                                     condition: status.transportError.map { "未连接：\($0)" } ?? status.bus))
            for screen in status.screens {
                list.append(DeviceHealth(name: "led-window-\(screen.window)", ok: screen.state != .notResponding && status.connected,
                                         condition: status.connected ? screen.state.rawValue : (status.transportError ?? "disconnected")))
            }
        }
        if let scanners { list += await scanners.health() }
        return list
    }

    // MARK: Assembly

    private static func resolve(_ transport: HardwareConfiguration.PrinterTransport) -> HardwareConfiguration.PrinterTransport {
        guard transport == .auto else { return transport }
        let found = (try? USBDevices.list(matching: .anyPrinter)) ?? []
        return found.isEmpty ? .emulator : .usb
    }

    private static func resolve(_ displays: HardwareConfiguration.Displays,
                                adapters: USBSerialAdapterCatalog?) -> HardwareConfiguration.DisplayTransport {
        guard displays.transport == .auto else { return displays.transport }
        guard !displays.screens.isEmpty else { return .none }
        if FileManager.default.fileExists(atPath: displays.path) { return .tty }
        // An adapter with no kernel driver bound has no /dev/ttyUSB*: drive it through libusb.
        if DisplayUSBAdapter.choose(displays.usbAdapter, catalog: adapters, requirePresent: true) != nil { return .usb }
        return .emulator
    }

    private static func printerProfile(_ settings: HardwareConfiguration.TicketPrinter, catalog: PrinterProfileCatalog?,
                                       transport: HardwareConfiguration.PrinterTransport) -> PrinterProfile {
        guard let catalog else { return PrinterProfileCatalog(profiles: []).fallback }
        if !settings.profile.isEmpty, let pinned = catalog.profile(id: settings.profile) { return pinned }
        if transport == .usb, let device = (try? USBDevices.list(matching: .anyPrinter))?.first {
            return catalog.profile(matching: USBDeviceID(vendorID: device.vendorID, productID: device.productID))
        }
        return catalog.fallback
    }

    private static func printerConnection(_ transport: HardwareConfiguration.PrinterTransport,
                                          settings: HardwareConfiguration.TicketPrinter, profile: PrinterProfile,
                                          emulatorPort: UInt16?) throws -> DeviceConnectionFactory {
        switch transport {
        case .usb:
            let ids = profile.usb.first
            let match = USBDeviceMatch(vendorID: ids?.vendorID, productID: ids?.productID)
            return { USBConnection(match: match) }
        case .tcp:
            let parts = settings.address.split(separator: ":")
            let host = parts.first.map(String.init) ?? "127.0.0.1"
            let port = parts.count > 1 ? UInt16(parts[1]) ?? 9100 : 9100
            return { TCPConnection(host: host, port: port) }
        case .device:
            let path = settings.address.isEmpty ? "/dev/usb/lp0" : settings.address
            return { CharacterDeviceConnection(path: path) }
        case .cups:
            let destination = PrintDestination(configured: settings.address)
            return { CupsRawConnection(destination: destination) }
        case .emulator:
            let port = emulatorPort ?? 9100
            return { TCPConnection(host: "127.0.0.1", port: port) }
        case .auto, .none:
            throw ConfigurationError.invalidValue(key: "hardware.ticketPrinter.transport", reason: "unresolved transport")
        }
    }

    private static func callAnnouncements(_ configuration: HallConfiguration, transport: HardwareConfiguration.DisplayTransport,
                                          devices: URL, state: URL, emulatorPath: String?, usbAdapter: DisplayUSBAdapter?,
                                          logger: Logger) throws -> CallAnnouncements? {
        let hardware = configuration.hardware
        var bus: SerialDisplayBus?
        if transport == .tty || transport == .emulator || transport == .usb {
            let catalog = try? DisplayCatalog.load(directory: devices.appendingPathComponent("displays"))
            let profile = catalog?.profile(id: hardware.displays.profile) ?? DisplayProfile.generic
            let connection: any DeviceConnection
            if transport == .usb, let usbAdapter {
                connection = usbAdapter.connection(settings: profile.serial)
            } else {
                let path = transport == .emulator ? (emulatorPath ?? hardware.displays.path) : hardware.displays.path
                connection = TTYConnection(path: path, settings: profile.serial)
            }
            let screens = Dictionary(uniqueKeysWithValues: hardware.displays.screens.map { ($0.window, UInt8($0.address)) })
            bus = try SerialDisplayBus(connection: connection, profile: profile, screens: screens)
            logger.info("LED screens: \(transport.rawValue) \(connection.address), profile \(profile.id)")
        }
        var announcer: CallAnnouncer?
        if hardware.voice.enabled {
            let settings = AnnouncementSettings(template: CallTextTemplate(hardware.voice.template), repeatCount: hardware.voice.repeatCount,
                                                playLocally: hardware.voice.playLocally)
            let player: (any AudioPlayer)? = hardware.voice.playLocally && CommandAudioPlayer.hostHasSoundCard() ? CommandAudioPlayer() : nil
            announcer = CallAnnouncer(settings: settings, cache: VoiceCache(directory: state.appendingPathComponent("voice")), player: player)
        }
        guard bus != nil || announcer != nil else { return nil }
        let display = bus.map { CallDisplayService(driver: $0, idleTemplate: CallTextTemplate(hardware.displays.idleText)) }
        let names = Dictionary(uniqueKeysWithValues: configuration.services.map { ($0.id, $0.name) })
        let sink = HallEventCallSink(display: display, announcer: announcer, serviceName: { names[$0] },
                                     onError: { logger.warning("call display: \($0)") })
        return CallAnnouncements(sink: sink, announcer: announcer, bus: bus)
    }
}
