import HallTransport

/// A ticket printer model, loaded from `devices/printers/*.json`.
public struct PrinterProfile: Sendable, Hashable, Codable, Identifiable {
    /// How the printer reports its state.
    public enum StatusSupport: String, Sendable, Codable {
        /// Answers DLE EOT 1...4 (real-time status).
        case realTime
        /// Never answers; printing is fire-and-forget and faults are seen only as
        /// transport errors.
        case none
    }

    /// Stable id, e.g. `generic-80mm`.
    public let id: String
    /// Name for people, e.g. `Epson TM-T88VI`.
    public let displayName: String
    /// USB ids that identify this model (empty for generic profiles).
    public let usb: [USBDeviceID]
    /// Paper roll width: 58 or 80 mm.
    public let paperWidthMillimetres: Int
    /// Printable width in dots (384 on 58 mm at 203 dpi, 576 or 512 on 80 mm).
    public let printableDots: Int
    /// Font A columns per line for ASCII; a Chinese character takes two columns.
    public let charactersPerLine: Int
    /// Whether the printer has a built-in Chinese font (FS & + GB18030).
    public let supportsChinese: Bool
    /// Which characters that font covers.
    public let chineseFont: PrinterFontCoverage
    /// Whether the printer draws QR codes itself (GS ( k); otherwise they are sent as raster.
    public let supportsQRCode: Bool
    /// Autocutter fitted.
    public let cutter: CutMode
    /// Status reporting.
    public let status: StatusSupport
    /// Where the numbers come from (manual, USB id database), for maintainers.
    public let source: String?

    /// Creates a profile.
    public init(
        id: String, displayName: String, usb: [USBDeviceID] = [], paperWidthMillimetres: Int,
        printableDots: Int, charactersPerLine: Int, supportsChinese: Bool = true,
        chineseFont: PrinterFontCoverage = .gbk, supportsQRCode: Bool = true,
        cutter: CutMode = .partial, status: StatusSupport = .realTime, source: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.usb = usb
        self.paperWidthMillimetres = paperWidthMillimetres
        self.printableDots = printableDots
        self.charactersPerLine = charactersPerLine
        self.supportsChinese = supportsChinese
        self.chineseFont = chineseFont
        self.supportsQRCode = supportsQRCode
        self.cutter = cutter
        self.status = status
        self.source = source
    }

    /// Built-in fallback used when no profile file matches: a 80 mm, 48-column printer.
    public static let generic80mm = PrinterProfile(
        id: "generic-80mm", displayName: "通用 80 mm 热敏票据打印机", paperWidthMillimetres: 80,
        printableDots: 576, charactersPerLine: 48)

    /// Built-in 58 mm profile: 384 dots, 32 columns, no cutter.
    public static let generic58mm = PrinterProfile(
        id: "generic-58mm", displayName: "通用 58 mm 热敏票据打印机", paperWidthMillimetres: 58,
        printableDots: 384, charactersPerLine: 32, cutter: .none)

    /// Dots per font-A column.
    public var dotsPerColumn: Int { max(printableDots / max(charactersPerLine, 1), 1) }
}
