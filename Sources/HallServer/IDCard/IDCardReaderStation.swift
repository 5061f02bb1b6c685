extension HardwareConfiguration {
    /// How an ID card reader (二代证阅读器) is reached.
    public enum IDCardTransport: String, Codable, Sendable, CaseIterable {
        /// `path` if it exists, else the emulator (a USB-serial chip's ids are too common to guess a reader by).
        case auto
        /// The emulated reader on a pseudo-terminal (the demo hall: a card always lies on it).
        case emulator
        /// A serial port (`path`, e.g. /dev/ttyUSB0).
        case tty
        /// A USB-serial chip without a kernel driver, through libusb (the model's `usbSerialAdapter`; the
        /// chip the model lists that is on the bus, else its first id).
        case usb
        case none
    }

    /// One ID card reader and where it is used: at the kiosk, at some windows, or both.
    public struct IDCardReaderStation: Codable, Sendable, Equatable {
        /// Whether the kiosk takes tickets and checks bookings in with this reader.
        public var kiosk: Bool
        /// The windows whose clerks read cards with it (one reader may serve neighbouring windows).
        public var windows: [Int]
        public var transport: IDCardTransport
        /// The serial port, for `tty` and `auto`.
        public var path: String
        /// Model id from devices/idcard-readers; empty: the model whose USB ids are on the bus, else `sam-generic`.
        public var model: String
        /// With `kiosk`, the kiosk device (`devices.kiosks` id, e.g. `kiosk-2`) this reader is built
        /// into; empty: any kiosk without a reader of its own (a hall with one kiosk).
        public var kioskDevice: String

        public init(
            kiosk: Bool, windows: [Int] = [], transport: IDCardTransport = .auto, path: String = "", model: String = "",
            kioskDevice: String = ""
        ) {
            self.kiosk = kiosk
            self.windows = windows
            self.transport = transport
            self.path = path
            self.model = model
            self.kioskDevice = kioskDevice
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kiosk = try c.decode(Bool.self, forKey: .kiosk)
            windows = try c.decodeIfPresent([Int].self, forKey: .windows) ?? []
            transport = try c.decodeIfPresent(IDCardTransport.self, forKey: .transport) ?? .auto
            path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
            model = try c.decodeIfPresent(String.self, forKey: .model) ?? ""
            kioskDevice = try c.decodeIfPresent(String.self, forKey: .kioskDevice) ?? ""
        }

        /// Where it is used, for health and logs: `kiosk`, `window-3`, `kiosk+window-1,2`.
        public var place: String {
            let w = windows.isEmpty ? nil : "window-" + windows.map(String.init).joined(separator: ",")
            let k = kiosk ? (kioskDevice.isEmpty ? "kiosk" : kioskDevice) : nil
            return [k, w].compactMap { $0 }.joined(separator: "+")
        }

        /// The demo hall: one reader at the kiosk, one shared by windows 1–5.
        public static let automatic = [
            IDCardReaderStation(kiosk: true, path: "/dev/hall-idcard-kiosk"),
            IDCardReaderStation(kiosk: false, windows: [1, 2, 3, 4, 5], path: "/dev/hall-idcard-windows"),
        ]
    }
}
