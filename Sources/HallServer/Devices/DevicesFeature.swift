import Foundation
import HallCore
import HallDisplay
import HallPrinter
import HallScanner
import HallStore
import HallTransport
import Hummingbird
import Logging

/// The hall's devices as configured: the kiosk's ticket printer, the LED window screens, the voice
/// and the windows' document scanners. With `auto`, real hardware is used when present and the
/// stand-ins (halld's emulators) otherwise. A device that cannot be opened now is still built:
/// its driver retries, and `/healthz` reports the fault.
public final class DevicesFeature: HallFeature {
    /// The ticket printer's durable queue (nil: no ticket printer).
    public let ticketSpooler: PrintSpooler?
    /// LED screens and voice (nil: neither is configured).
    public let calls: CallAnnouncements?
    /// Document scanners at the windows (`hardware.scanners`), nil when turned off.
    public let scanners: ScannerStations?
    /// ID card readers at the kiosk and the windows (`hardware.idCardReaders`), used by `IDCardFeature`.
    let idCardReaders: IDCardReaders
    /// What to watch for plug and unplug.
    private let hotplug: DeviceHotplug
    /// The emulators standing in for absent devices, kept alive with the server.
    private let standIns: (any DeviceStandIns)?
    private let windows: Set<Int>
    private let prefixes: [String]
    private let voiceLimit = VoiceRateLimit()
    private let clock: any HallClock
    /// Where residents' QR codes point, and whether a real ticket printer prints them.
    private let publicBaseURL: String
    private let printsOnPaper: Bool
    /// Whether calls are drawn in two scripts for the window screens (a bilingual hall).
    private let drawsBilingualCalls: Bool

    init(
        configuration: HallConfiguration, database: HallDatabase, standIns: (any DeviceStandIns)?, scanHelper: SaneHelper?,
        callImage: LEDCallImage? = nil, voicePacks: (any CallVoicePacks)? = nil, clock: any HallClock, logger: Logger
    ) throws {
        let hardware = configuration.hardware
        let devices = URL(fileURLWithPath: configuration.devicesDirectory)
        let state = URL(fileURLWithPath: configuration.stateDirectory)
        let choice = DeviceTransportChoice(hardware: hardware, devicesDirectory: devices, standIns: standIns, logger: logger)
        self.standIns = standIns
        windows = Set(configuration.windows.map(\.number))
        prefixes = configuration.services.map(\.prefix).sorted { $0.count > $1.count }
        self.clock = clock
        publicBaseURL = configuration.center.publicBaseURL
        drawsBilingualCalls = callImage != nil
        printsOnPaper = ![.none, .emulator].contains(choice.printer)

        let printer = try TicketPrinterSetup.make(
            hardware.ticketPrinter, transport: choice.printer, devicesDirectory: devices,
            standIns: standIns, logger: logger)
        ticketSpooler = printer.map {
            PrintSpooler(printer: $0, journal: SQLitePrintJobJournal(journal: SQLiteJobJournal(database, kind: "ticket-print")))
        }
        let displayAdapter = try choice.displayAdapter()
        calls = try CallAnnouncements.make(
            configuration, transport: choice.displays, devicesDirectory: devices,
            stateDirectory: state, standIns: standIns, usbAdapter: displayAdapter, callImage: callImage, voicePacks: voicePacks,
            logger: logger)
        idCardReaders = try IDCardReaders(hardware.idCardReaders, devicesDirectory: devices, standIns: standIns, logger: logger)
        scanners = try ScannerStations.make(configuration: configuration, database: database, helper: scanHelper, logger: logger)
        hotplug = DeviceHotplug(printer: choice.printer == .usb ? .anyPrinter : nil, displayAdapter: displayAdapter, logger: logger)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        DeviceRoutes(devices: self, windows: windows, prefixes: prefixes, limit: voiceLimit, clock: clock).register(on: router)
    }

    public var backgroundWork: [BackgroundWork] {
        [BackgroundWork("devices") { [self] in await run() }]
    }

    /// Runs the devices' background work (print retries, screen idle texts, scanner polling,
    /// hotplug) until cancelled.
    public func run() async {
        scanners?.start()
        defer { scanners?.stop() }
        calls?.bus?.start()
        calls?.sink.display?.showIdleEverywhere()
        let displayMonitor = calls?.bus.flatMap { hotplug.watchDisplays($0) }
        defer {
            displayMonitor?.stop()
            calls?.bus?.stop()
        }
        guard let ticketSpooler else {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            return
        }
        await ticketSpooler.restorePending()
        let printerMonitor = hotplug.watchPrinter(ticketSpooler)
        await ticketSpooler.run()
        printerMonitor?.stop()
    }

    /// Health of every device, for /healthz and metrics.
    public func health() async -> [DeviceHealth] {
        var list: [DeviceHealth] = []
        if let ticketSpooler {
            let h = await ticketSpooler.health()
            let pending = h.pendingJobIDs.isEmpty ? "" : "，待补打 \(h.pendingJobIDs.count) 张"
            list.append(DeviceHealth(name: "ticket-printer", ok: h.condition.canPrint, condition: h.label + pending))
        }
        if let status = calls?.bus?.status() {
            list.append(
                DeviceHealth(
                    name: "led-bus", ok: status.connected || status.transportError == nil,
                    condition: status.transportError.map { "未连接：\($0)" } ?? status.bus))
            for screen in status.screens {
                list.append(
                    DeviceHealth(
                        name: "led-window-\(screen.window)", ok: screen.state != .notResponding && status.connected,
                        condition: status.connected ? screen.state.rawValue : (status.transportError ?? "disconnected")))
            }
            if drawsBilingualCalls, calls?.bus?.imagePixels == nil {
                // Not a fault: the screens work, in Chinese only.
                list.append(
                    DeviceHealth(
                        name: "led-second-script", ok: true,
                        condition: "显示屏型号 \(status.profileID) 只能显示自带字库的文字，不能显示图像：窗口屏只显示汉文，不显示蒙古文。"))
            }
        }
        if let scanners { list += await scanners.health() }
        if printsOnPaper, PublicAddress.isLoopback(publicBaseURL) {
            list.append(
                DeviceHealth(
                    name: "public-url", ok: false,
                    condition:
                        "小票二维码指向本机地址 \(publicBaseURL)，群众手机无法打开：请设置 center.publicBaseURL 为大厅局域网地址，或让 halld 监听局域网（listen.host）。"))
        }
        return list
    }
}
