import Foundation
import HallDisplay
import HallTransport
import Logging

/// The window screens and the spoken calls, as one event sink plus what the routes need.
public struct CallAnnouncements: Sendable {
    /// Shows calls on the LED screens and speaks them.
    public let sink: HallEventCallSink
    /// Produces the WAV for a phrase (served to the hall screen page).
    public let announcer: CallAnnouncer?
    /// The LED bus, if screens are configured.
    public let bus: SerialDisplayBus?

    /// The LED bus on the chosen transport and the voice as configured; nil when neither is.
    static func make(
        _ configuration: HallConfiguration, transport: HardwareConfiguration.DisplayTransport,
        devicesDirectory: URL, stateDirectory: URL, standIns: (any DeviceStandIns)?,
        usbAdapter: DisplayUSBAdapter?, callImage: LEDCallImage?, voicePacks: (any CallVoicePacks)?, logger: Logger
    ) throws -> CallAnnouncements? {
        let hardware = configuration.hardware
        let bus = try ledBus(
            hardware.displays, transport: transport, devicesDirectory: devicesDirectory, standIns: standIns,
            usbAdapter: usbAdapter, logger: logger)
        var announcer: CallAnnouncer?
        if hardware.voice.enabled {
            let settings = AnnouncementSettings(
                template: CallTextTemplate(hardware.voice.template), repeatCount: hardware.voice.repeatCount,
                playLocally: hardware.voice.playLocally)
            let player: (any AudioPlayer)? = hardware.voice.playLocally && CommandAudioPlayer.hostHasSoundCard() ? CommandAudioPlayer() : nil
            announcer = CallAnnouncer(
                settings: settings, cache: VoiceCache(directory: stateDirectory.appendingPathComponent("voice")),
                player: player, packs: voicePacks)
        }
        guard bus != nil || announcer != nil else { return nil }
        var drawCall: (@Sendable (DisplayCall, String, DisplayProfile.Pixels) -> DisplayBitmap?)?
        if let callImage {
            drawCall = { call, text, pixels in callImage.image(call, chineseText: text, pixels: pixels) }
        }
        let display = bus.map {
            CallDisplayService(driver: $0, idleTemplate: CallTextTemplate(hardware.displays.idleText), callImage: drawCall)
        }
        let names = Dictionary(uniqueKeysWithValues: configuration.services.map { ($0.id, $0.name) })
        let sink = HallEventCallSink(
            display: display, announcer: announcer, serviceName: { names[$0] },
            onError: { logger.warning("call display: \($0)") })
        return CallAnnouncements(sink: sink, announcer: announcer, bus: bus)
    }

    private static func ledBus(
        _ displays: HardwareConfiguration.Displays, transport: HardwareConfiguration.DisplayTransport,
        devicesDirectory: URL, standIns: (any DeviceStandIns)?, usbAdapter: DisplayUSBAdapter?,
        logger: Logger
    ) throws -> SerialDisplayBus? {
        guard transport == .tty || transport == .emulator || transport == .usb else { return nil }
        let catalog = try? DisplayCatalog.load(directory: devicesDirectory.appendingPathComponent("displays"))
        let profile = catalog?.profile(id: displays.profile) ?? DisplayProfile.generic
        let addresses = displays.screens.map { UInt8(clamping: $0.address) }
        let connection: any DeviceConnection
        switch (transport, usbAdapter, standIns) {
        case (.usb, let adapter?, _):
            connection = adapter.connection(settings: profile.serial)
        case (.emulator, _, let standIns?):
            connection = TTYConnection(path: try standIns.startWindowScreens(addresses: addresses), settings: profile.serial)
        default:
            connection = TTYConnection(path: displays.path, settings: profile.serial)
        }
        let screens = Dictionary(uniqueKeysWithValues: displays.screens.map { ($0.window, UInt8(clamping: $0.address)) })
        logger.info("LED screens: \(transport.rawValue) \(connection.address), profile \(profile.id)")
        return try SerialDisplayBus(connection: connection, profile: profile, screens: screens)
    }
}
