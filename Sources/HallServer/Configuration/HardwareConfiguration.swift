/// Which devices halld drives. `auto` uses real hardware when it is present and the built-in
/// emulators otherwise, so a demo hall works on any machine.
public struct HardwareConfiguration: Codable, Sendable, Equatable {
    /// How the kiosk's ticket printer is reached.
    public enum PrinterTransport: String, Codable, Sendable, CaseIterable {
        /// A USB printer if one is plugged in, else the emulator.
        case auto
        /// The virtual printer; printed tickets are saved as PNG and text.
        case emulator
        /// libusb (class 7 or the profile's ids).
        case usb
        /// Raw TCP, `address` = host:port (port 9100 by default).
        case tcp
        /// A kernel character device, `address` = /dev/usb/lp0.
        case device
        /// A CUPS raw queue or IPP URI, `address` = queue name or ipp://…
        case cups
        /// No ticket printer: tickets show on the kiosk screen only.
        case none
    }

    /// How the LED window screens are reached.
    public enum DisplayTransport: String, Codable, Sendable, CaseIterable {
        /// `path` if it exists, else a known USB-serial adapter on the bus (libusb), else the emulator.
        case auto
        /// Virtual screens on a pseudo-terminal.
        case emulator
        /// A serial port (`path`, e.g. /dev/ttyUSB0).
        case tty
        /// A USB-serial adapter without a kernel driver, through libusb (`usbAdapter`).
        case usb
        case none
    }

    public struct TicketPrinter: Codable, Sendable, Equatable {
        public var transport: PrinterTransport
        public var address: String
        /// Profile id from devices/printers; empty = matched by USB ids, else generic-80mm.
        public var profile: String
    }

    public struct Screen: Codable, Sendable, Equatable {
        public var window: Int
        public var address: Int
    }

    public struct Displays: Codable, Sendable, Equatable {
        public var transport: DisplayTransport
        public var path: String
        /// Profile id from devices/displays.
        public var profile: String
        public var screens: [Screen]
        /// Text a screen shows when its window is idle ({window} is replaced).
        public var idleText: String
        /// For `usb`: an adapter id from devices/usb-serial (`ch34x`) or its ids (`1a86:7523`);
        /// empty = the first known adapter on the bus.
        public var usbAdapter: String = ""
    }

    public struct Voice: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// Play on the hall machine's sound card too (when it has one).
        public var playLocally: Bool
        /// What is spoken; {number} and {window} are replaced.
        public var template: String
        public var repeatCount: Int
    }

    public var ticketPrinter: TicketPrinter
    public var displays: Displays
    public var voice: Voice
    /// Document scanners at the windows (see `ScannerConfiguration.swift`).
    public var scanners: Scanners = .automatic
    /// ID card readers at the kiosk and the windows (see `IDCard/IDCardReaderStation.swift`).
    public var idCardReaders: [IDCardReaderStation] = IDCardReaderStation.automatic

    /// Demo defaults: real devices when present, emulators otherwise.
    public static let automatic = HardwareConfiguration(
        ticketPrinter: TicketPrinter(transport: .auto, address: "", profile: ""),
        displays: Displays(
            transport: .auto, path: "/dev/ttyUSB0", profile: "hall-generic",
            screens: (1...5).map { Screen(window: $0, address: $0) }, idleText: "{window}号窗口 欢迎办理"),
        voice: Voice(enabled: true, playLocally: true, template: "请 {number} 号 到 {window} 号窗口 办理", repeatCount: 1))

    /// No devices at all (tests, benchmarks).
    public static let none = HardwareConfiguration(
        ticketPrinter: TicketPrinter(transport: .none, address: "", profile: ""),
        displays: Displays(transport: .none, path: "", profile: "hall-generic", screens: [], idleText: ""),
        voice: Voice(enabled: false, playLocally: false, template: "请 {number} 号 到 {window} 号窗口 办理", repeatCount: 1),
        scanners: .disabled, idCardReaders: [])
}
