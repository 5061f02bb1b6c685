/// A scanner or document-camera model, as data (`devices/scanners/*.json`).
public struct ScannerProfile: Sendable, Codable, Equatable, Identifiable {
    /// How Hall talks to the device.
    public enum Backend: String, Sendable, Codable {
        /// libsane (sheet-fed and flatbed scanners).
        case sane
        /// A USB video-class document camera through V4L2 (高拍仪).
        case uvc
    }

    /// Which connected device the profile applies to.
    public struct DeviceMatch: Sendable, Codable, Equatable {
        /// Glob over SANE device names, e.g. `test:*` or `fujitsu:*`.
        public var saneDevice: String?
        /// USB `vid:pid` in hex, `*` allowed for either part, e.g. `0ac8:*`.
        public var usb: String?
        /// Glob over V4L2 device nodes, e.g. `/dev/video*`.
        public var videoDevice: String?

        /// Creates a match rule.
        public init(saneDevice: String? = nil, usb: String? = nil, videoDevice: String? = nil) {
            self.saneDevice = saneDevice
            self.usb = usb
            self.videoDevice = videoDevice
        }
    }

    /// Capture settings of a document camera.
    public struct Camera: Sendable, Codable, Equatable {
        /// Frame width in pixels.
        public var width: Int
        /// Frame height in pixels.
        public var height: Int
        /// V4L2 pixel format: `YUYV` or `MJPG`.
        public var pixelFormat: String
        /// Frames read and dropped before the kept one (exposure settles).
        public var warmupFrames: Int

        /// Creates camera settings.
        public init(width: Int, height: Int, pixelFormat: String, warmupFrames: Int = 0) {
            self.width = width
            self.height = height
            self.pixelFormat = pixelFormat
            self.warmupFrames = warmupFrames
        }
    }

    /// Stable identifier, e.g. `sane-test`.
    public var id: String
    /// Display name for the console.
    public var name: String
    /// Driver family.
    public var backend: Backend
    /// Device selection.
    public var match: DeviceMatch
    /// Default capture options.
    public var defaults: ScanOptions
    /// MIME types of the stored files, in preference order (`image/png`, `image/jpeg`).
    public var formats: [String]
    /// Backend-specific SANE options set by name (added to `defaults.extraOptions`).
    public var saneOptions: [String: String]?
    /// Camera settings (backend `uvc`).
    public var camera: Camera?
    /// Seconds a capture may take before it fails with a timeout.
    public var timeoutSeconds: Int?

    /// How long a capture may take: `timeoutSeconds`, 60 s when the profile gives none.
    public var captureTimeout: Duration { .seconds(max(1, timeoutSeconds ?? 60)) }

    /// The options of a capture: the profile's defaults, with `saneOptions` merged in.
    public var captureOptions: ScanOptions {
        var options = defaults
        options.extraOptions.merge(saneOptions ?? [:]) { current, _ in current }
        return options
    }
}
