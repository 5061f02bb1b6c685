extension HardwareConfiguration {
    /// How the windows' document scanners (高拍仪 and sheet-fed scanners) are reached.
    public enum ScannerTransport: String, Codable, Sendable, CaseIterable {
        /// A USB document camera (V4L2) when one is connected at start, else the emulator.
        case auto
        /// SANE's `test` backend: one virtual scanner per window (the demo hall).
        case emulator
        /// Scanners through libsane (`saneConfigDirectory`, or libsane's own `/etc/sane.d`).
        case sane
        /// USB video-class document cameras through V4L2 (`/dev/videoN`).
        case uvc
        /// No scanners: capturing is refused; stored captures stay readable.
        case none
    }

    /// The scanner at one window.
    public struct ScannerStation: Codable, Sendable, Equatable {
        public var window: Int
        /// Profile id from devices/scanners; empty = `hardware.scanners.profile`.
        public var profile: String
        /// SANE device name (`fujitsu:libusb:001:004`) or `/dev/videoN`; empty = the first device
        /// the profile matches (windows with the same profile and device share one scanner).
        public var device: String

        public init(window: Int, profile: String = "", device: String = "") {
            self.window = window
            self.profile = profile
            self.device = device
        }
    }

    /// The scanners and where their captures go.
    public struct Scanners: Codable, Sendable, Equatable {
        public var transport: ScannerTransport
        /// One entry per window that has a scanner; empty = every configured window.
        public var stations: [ScannerStation]
        /// Default profile id; empty = `sane-test` (emulator), `sane-adf-generic` (sane),
        /// `uvc-document-camera-1080p` (uvc).
        public var profile: String
        /// SANE configuration directory (dll.conf and the backends' files); empty = libsane's default,
        /// or `<devicesDirectory>/scanners/sane.d` for the emulator.
        public var saneConfigDirectory: String
        /// A folder of SANE backends outside libsane's own (`libsane-NAME.so.1`, e.g. a vendor's),
        /// put on the scan helpers' library path; empty = none.
        public var saneBackendDirectory: String
        /// Seconds between device re-detections (hotplug); USB arrivals trigger one at once.
        public var pollSeconds: Double
        /// Largest stored page, in MB.
        public var maxPageMegabytes: Double
        /// Largest total of one case's pages, in MB.
        public var maxCaseMegabytes: Double

        public init(
            transport: ScannerTransport, stations: [ScannerStation] = [], profile: String = "",
            saneConfigDirectory: String = "", saneBackendDirectory: String = "", pollSeconds: Double = 5,
            maxPageMegabytes: Double = 20, maxCaseMegabytes: Double = 200
        ) {
            self.transport = transport
            self.stations = stations
            self.profile = profile
            self.saneConfigDirectory = saneConfigDirectory
            self.saneBackendDirectory = saneBackendDirectory
            self.pollSeconds = pollSeconds
            self.maxPageMegabytes = maxPageMegabytes
            self.maxCaseMegabytes = maxCaseMegabytes
        }

        /// Real devices when present, the emulator otherwise.
        public static let automatic = Scanners(transport: .auto)
        /// No scanners (tests, benchmarks).
        public static let disabled = Scanners(transport: .none)
    }
}
