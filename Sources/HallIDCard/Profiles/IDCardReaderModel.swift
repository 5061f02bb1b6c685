import HallTransport

/// A model of ID card reader, as data (`devices/idcard-readers/*.json`): the line it speaks on,
/// the USB-serial chip behind it and how long its SAM module takes.
public struct IDCardReaderModel: Codable, Sendable, Equatable, Identifiable {
    /// Stable identifier, e.g. `sam-ch340`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Wire protocol identifier; `sam-ga467` is the only one.
    public var `protocol`: String
    /// Serial line settings (SAM modules default to 115200 8N1).
    public var serial: SerialSettings
    /// `vvvv:pppp` ids of the reader's USB-serial chip, for auto-detection and hotplug.
    public var usb: [String]
    /// The USB-serial adapter (`devices/usb-serial`) to drive it through libusb when no kernel
    /// driver is bound; nil: only through its tty (`/dev/ttyUSB*`).
    public var usbSerialAdapter: String?
    /// How long to wait for the answer to find or select.
    public var commandTimeoutMilliseconds: Int
    /// How long to wait for the text and photo (about 1.3 KB; the SAM needs up to a second).
    public var readTimeoutMilliseconds: Int
    /// Where the facts come from and how far they were checked.
    public var notes: String?

    public init(
        id: String, name: String, protocol: String = IDCardReaderModel.samProtocol,
        serial: SerialSettings = SerialSettings(baudRate: 115_200), usb: [String] = [], usbSerialAdapter: String? = nil,
        commandTimeoutMilliseconds: Int = 500, readTimeoutMilliseconds: Int = 2000, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.protocol = `protocol`
        self.serial = serial
        self.usb = usb
        self.usbSerialAdapter = usbSerialAdapter
        self.commandTimeoutMilliseconds = commandTimeoutMilliseconds
        self.readTimeoutMilliseconds = readTimeoutMilliseconds
        self.notes = notes
    }

    /// The SAM protocol of GA 467 readers.
    public static let samProtocol = "sam-ga467"

    /// The model used when none is configured: any SAM reader at 115200 8N1.
    public static let generic = IDCardReaderModel(id: "sam-generic", name: "SAM ID card reader (GA 467), 115200 8N1")

    /// The parsed USB ids; nil when one is malformed.
    public var usbIDs: [USBDeviceID]? {
        var ids: [USBDeviceID] = []
        for text in usb {
            guard let id = USBDeviceID(text) else { return nil }
            ids.append(id)
        }
        return ids
    }
}
