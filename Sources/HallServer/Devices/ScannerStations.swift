import Foundation
import HallCore
import HallScanner
import HallStore
import HallTransport
import Logging
import Synchronization

/// The document scanners of the windows, as configured in `hardware.scanners`: one
/// `ScannerService` per physical scanner (windows configured with the same profile and device share
/// it, so that two captures at once on one scanner are refused as busy), kept up to date by polling
/// and, for USB devices, by the USB hotplug monitor.
public final class ScannerStations: Sendable {
    /// The scanner at one window.
    public struct Station: Sendable {
        public let window: Int
        public let service: ScannerService
    }

    /// What `/api/devices` and `/api/scanners` show for one window.
    public struct StationStatus: Codable, Sendable, Equatable {
        public var window: Int
        public var profile: String
        public var profileName: String
        public var transport: String
        public var state: ScannerStatus.State
        public var device: String?
        public var lastError: String?
        public var checkedAt: Date?
    }

    /// The transport in use (`auto` resolved).
    public let transport: HardwareConfiguration.ScannerTransport
    /// Stations by window, ascending.
    public let stations: [Station]
    private let pollInterval: Duration
    private let usbMatch: USBDeviceMatch?
    private let profileNames: [String: String]
    private let logger: Logger
    /// The USB hotplug monitor while started.
    private let running = Mutex<USBHotplugMonitor?>(nil)

    /// Builds the stations, or nil when scanners are turned off. SANE runs in `helper` processes
    /// (nil: in this process, for tools without halld's binary). Throws `ConfigurationError` naming
    /// the key of an unknown profile or window.
    static func make(
        configuration: HallConfiguration, database: HallDatabase, helper: SaneHelper?, logger: Logger
    ) throws -> ScannerStations? {
        let settings = configuration.hardware.scanners
        let transport = resolve(settings.transport)
        guard transport != .none else { return nil }
        let devices = URL(fileURLWithPath: configuration.devicesDirectory).appendingPathComponent("scanners")
        let catalog: ScannerCatalog
        do {
            catalog = try ScannerCatalog.load(directory: devices)
        } catch {
            throw ConfigurationError.invalidValue(key: "devicesDirectory", reason: "scanner profiles: \(error)")
        }
        let sane = transport == .uvc ? nil : SaneAccess(settings: settings, transport: transport, devices: devices, helper: helper, logger: logger)
        let storage = CaptureStorage(configuration: configuration, database: database)
        let windows = configuration.windows.map(\.number)
        let wanted =
            settings.stations.isEmpty
            ? windows.enumerated().map { position, window in
                HardwareConfiguration.ScannerStation(window: window, device: transport == .emulator ? "test:\(position % 8)" : "")
            }
            : settings.stations
        var services: [String: ScannerService] = [:]
        var stations: [Station] = []
        var profiles: [ScannerProfile] = []
        for (position, station) in wanted.enumerated() {
            let key = "hardware.scanners.stations.\(position)"
            guard windows.contains(station.window), !stations.contains(where: { $0.window == station.window }) else {
                throw ConfigurationError.invalidValue(key: "\(key).window", reason: "unknown or repeated window \(station.window)")
            }
            let id = [station.profile, settings.profile].first { !$0.isEmpty } ?? defaultProfile(transport)
            guard let profile = catalog.profile(id: id) else {
                throw ConfigurationError.invalidValue(key: "\(key).profile", reason: "no scanner profile '\(id)' in \(devices.path)")
            }
            guard (profile.backend == .uvc) == (transport == .uvc) else {
                throw ConfigurationError.invalidValue(
                    key: "\(key).profile",
                    reason: "profile '\(id)' is for \(profile.backend.rawValue), not \(transport.rawValue)")
            }
            let shared = "\(profile.id)|\(station.device)"
            let service =
                services[shared]
                ?? ScannerService(
                    profile: profile, store: storage.store, index: storage.index,
                    presence: presence(profile, device: station.device, sane: sane), makeScanner: sane?.makeScanner)
            services[shared] = service
            profiles.append(profile)
            stations.append(Station(window: station.window, service: service))
        }
        logger.info("scanners: \(transport.rawValue), \(stations.count) window(s), \(services.count) device(s)")
        return ScannerStations(
            transport: transport, stations: stations.sorted { $0.window < $1.window },
            pollSeconds: settings.pollSeconds, usbMatch: usbMatch(transport, profiles),
            profileNames: Dictionary(profiles.map { ($0.id, $0.name) }) { first, _ in first }, logger: logger)
    }

    private init(
        transport: HardwareConfiguration.ScannerTransport, stations: [Station], pollSeconds: Double,
        usbMatch: USBDeviceMatch?, profileNames: [String: String], logger: Logger
    ) {
        self.transport = transport
        self.stations = stations
        pollInterval = .milliseconds(Int(max(0.05, pollSeconds) * 1000))
        self.usbMatch = usbMatch
        self.profileNames = profileNames
        self.logger = logger
    }

    deinit { stop() }

    /// The scanner at `window`.
    public func station(window: Int) -> Station? { stations.first { $0.window == window } }

    /// Every distinct scanner once.
    private var services: [ScannerService] {
        var seen = Set<ObjectIdentifier>()
        return stations.map(\.service).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Starts re-detecting the devices every `pollSeconds`, and at once when a USB device arrives or leaves.
    public func start() {
        let services = services
        let interval = pollInterval
        var monitor: USBHotplugMonitor?
        if let usbMatch {
            let candidate = USBHotplugMonitor(match: usbMatch)
            let logger = logger
            do {
                try candidate.start { event in
                    logger.info("scanner USB \(event)")
                    // The kernel creates /dev/videoN (and SANE sees the device) shortly after the USB event.
                    Task {
                        for delay in [0, 500, 2000] {
                            try? await Task.sleep(for: .milliseconds(delay))
                            for service in services { await service.refresh() }
                        }
                    }
                }
                monitor = candidate
            } catch {
                logger.warning("USB hotplug for scanners unavailable (\(error)); re-detecting every \(interval)")
            }
        }
        for service in services {
            Task { await service.startMonitoring(every: interval) }
        }
        running.withLock { $0 }?.stop()
        running.withLock { $0 = monitor }
    }

    /// Stops re-detection.
    public func stop() {
        for service in services {
            Task { await service.stopMonitoring() }
        }
        running.withLock { $0 }?.stop()
        running.withLock { $0 = nil }
    }

    /// Re-detects every device now.
    public func refresh() async {
        for service in services { await service.refresh() }
    }

    /// Per window: profile, state, device, last error.
    public func statuses() async -> [StationStatus] {
        var list: [StationStatus] = []
        for station in stations {
            let status = await station.service.status
            list.append(
                StationStatus(
                    window: station.window, profile: status.profileID,
                    profileName: profileNames[status.profileID] ?? status.profileID,
                    transport: transport.rawValue, state: status.state, device: status.device,
                    lastError: status.lastError, checkedAt: status.checkedAt))
        }
        return list
    }

    /// Device health for `/healthz` and `/api/devices`: `scanner-window-N`.
    public func health() async -> [DeviceHealth] {
        await statuses().map { status in
            DeviceHealth(
                name: "scanner-window-\(status.window)", ok: status.state != .absent,
                condition: Self.condition(status))
        }
    }

    private static func condition(_ status: StationStatus) -> String {
        let device = status.device.map { "（\($0)）" } ?? ""
        switch status.state {
        case .unknown: return "检测中"
        case .ready: return status.lastError == nil ? "就绪\(device)" : "就绪\(device)，上次采集失败：\(status.lastError!)"
        case .capturing: return "采集中\(device)"
        case .absent: return "未连接"
        }
    }

    // MARK: Assembly

    private static func resolve(_ transport: HardwareConfiguration.ScannerTransport) -> HardwareConfiguration.ScannerTransport {
        guard transport == .auto else { return transport }
        return V4L2DevicePresence().nodes().isEmpty ? .emulator : .uvc
    }

    private static func defaultProfile(_ transport: HardwareConfiguration.ScannerTransport) -> String {
        switch transport {
        case .uvc: "uvc-document-camera-1080p"
        case .sane: "sane-adf-generic"
        default: "sane-test"
        }
    }

    /// How the station's device is found: pinned to `device` when given, else the profile's match.
    private static func presence(_ profile: ScannerProfile, device: String, sane: SaneAccess?) -> any DevicePresence {
        switch profile.backend {
        case .sane:
            SaneDevicePresence(
                pattern: device.isEmpty ? profile.match.saneDevice ?? "*" : device, source: sane?.devices ?? SaneRuntime.shared)
        case .uvc:
            V4L2DevicePresence(
                nodePattern: device.isEmpty ? profile.match.videoDevice ?? "/dev/video*" : device,
                usbPattern: profile.match.usb)
        }
    }

    /// USB devices whose arrival should trigger a re-detection: video-class devices for cameras,
    /// the profiles' vendor ids for SANE scanners; nil for the emulator.
    private static func usbMatch(_ transport: HardwareConfiguration.ScannerTransport, _ profiles: [ScannerProfile]) -> USBDeviceMatch? {
        let vendor = profiles.compactMap { $0.match.usb?.split(separator: ":").first.flatMap { UInt16($0, radix: 16) } }.first
        switch transport {
        case .uvc: return USBDeviceMatch(vendorID: vendor, interfaceClass: 14)
        case .sane: return vendor.map { USBDeviceMatch(vendorID: $0, interfaceClass: nil) }
        default: return nil
        }
    }
}
