import HallTransport

/// A model of window screen, as data (devices/displays/*.json): how to talk to it and what it can show.
public struct DisplayProfile: Codable, Sendable, Equatable, Identifiable {
    /// Stable identifier, e.g. `hall-generic`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Wire protocol identifier: `hall-frame-v1`, `modbus-rtu-style` or `ascii-line`.
    public var `protocol`: String
    /// Serial line settings.
    public var serial: SerialSettings
    /// Character set of the screen's font.
    public var encoding: DisplayTextEncoding
    /// Full-width (Chinese) characters per line.
    public var charactersPerLine: Int
    /// Lines of text.
    public var lines: Int
    public var supportsBrightness: Bool
    /// Whether the screen answers each command; if not, commands are sent once and not checked.
    public var ackExpected: Bool
    /// How long to wait for the answer to one attempt.
    public var ackTimeoutMilliseconds: Int
    /// Further attempts after the first when no (or a negative) answer comes.
    public var retries: Int
    /// Where the protocol comes from and how far it was checked.
    public var notes: String?
    /// The screen's size in pixels when its controller draws images (`hall-frame-v1` image
    /// frames); nil: text in the controller's own font only.
    public var pixels: Pixels?

    /// A screen's size in pixels.
    public struct Pixels: Codable, Sendable, Equatable {
        public var width: Int
        public var height: Int

        public init(width: Int, height: Int) {
            self.width = width
            self.height = height
        }
    }

    public init(
        id: String, name: String, protocol: String, serial: SerialSettings,
        encoding: DisplayTextEncoding = .gb18030, charactersPerLine: Int = 8, lines: Int = 1,
        supportsBrightness: Bool = true, ackExpected: Bool = true, ackTimeoutMilliseconds: Int = 200,
        retries: Int = 2, notes: String? = nil, pixels: Pixels? = nil
    ) {
        self.id = id
        self.name = name
        self.protocol = `protocol`
        self.serial = serial
        self.encoding = encoding
        self.charactersPerLine = charactersPerLine
        self.lines = lines
        self.supportsBrightness = supportsBrightness
        self.ackExpected = ackExpected
        self.ackTimeoutMilliseconds = ackTimeoutMilliseconds
        self.retries = retries
        self.notes = notes
        self.pixels = pixels
    }

    /// The size of the images the screen takes: its pixels, when its protocol has image frames
    /// and the size fits one; nil otherwise.
    public var imagePixels: Pixels? {
        guard self.protocol == HallFrameProtocol.identifier, let pixels,
            (1...DisplayBitmap.maxWidth).contains(pixels.width), (1...DisplayBitmap.maxHeight).contains(pixels.height)
        else { return nil }
        return pixels
    }

    /// Encoded text bytes the screen holds: two bytes per full-width character.
    public var maxTextBytes: Int { max(1, charactersPerLine * lines * 2) }

    /// The wire protocol this profile names.
    public func wireProtocol() throws(DisplayError) -> any DisplayWireProtocol {
        try DisplayWireProtocols.make(id: self.protocol, encoding: encoding, maxTextBytes: maxTextBytes)
    }

    /// The generic profile of our own protocol, used when no profile is configured.
    public static let generic = DisplayProfile(
        id: "hall-generic", name: "Hall generic LED window screen", protocol: HallFrameProtocol.identifier,
        serial: SerialSettings(baudRate: 9600), charactersPerLine: 16, lines: 2, pixels: Pixels(width: 256, height: 32))
}
