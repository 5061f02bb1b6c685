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

    public init(
        id: String, name: String, protocol: String, serial: SerialSettings,
        encoding: DisplayTextEncoding = .gb18030, charactersPerLine: Int = 8, lines: Int = 1,
        supportsBrightness: Bool = true, ackExpected: Bool = true, ackTimeoutMilliseconds: Int = 200,
        retries: Int = 2, notes: String? = nil
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
        serial: SerialSettings(baudRate: 9600), charactersPerLine: 16, lines: 2)
}
