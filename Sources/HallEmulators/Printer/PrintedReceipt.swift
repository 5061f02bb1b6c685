import HallPrinter

/// A run of text printed with one set of attributes.
public struct PrintedRun: Sendable, Hashable {
    /// Decoded text (GB18030 in Chinese mode, a single-byte code page otherwise).
    public var text: String
    /// ESC E / ESC ! emphasis.
    public var bold: Bool
    /// GS ! / ESC ! magnification.
    public var size: CharacterSize
}

/// One printed text line.
public struct PrintedLine: Sendable, Hashable {
    /// ESC a justification in effect at the start of the line.
    public var alignment: TextAlignment
    /// Runs, left to right; empty for a blank line.
    public var runs: [PrintedRun]

    /// The line's text without attributes.
    public var text: String { runs.map(\.text).joined() }
    /// Printed width in font-A columns (Chinese counts two, times the width multiplier).
    public var columns: Int { runs.reduce(0) { $0 + GB18030.columns($1.text) * $1.size.width } }
    /// The tallest height multiplier on the line (1 for a blank line).
    public var heightMultiplier: Int { runs.map(\.size.height).max() ?? 1 }
}

/// A QR code printed with GS ( k.
public struct PrintedQRCode: Sendable, Hashable {
    /// The stored symbol data, decoded as UTF-8.
    public var payload: String
    /// Dots per module (function 167).
    public var moduleSize: Int
    /// Error correction (function 169).
    public var errorCorrection: QRErrorCorrection
    /// Justification.
    public var alignment: TextAlignment
}

/// A raster image printed with GS v 0.
public struct PrintedImage: Sendable, Hashable {
    /// The bits as received.
    public var bitmap: MonochromeBitmap
    /// Justification.
    public var alignment: TextAlignment
}

/// Everything printed between two cuts, as the virtual printer understood it.
public struct PrintedReceipt: Sendable, Hashable {
    /// One printed thing, top to bottom.
    public enum Element: Sendable, Hashable {
        case line(PrintedLine)
        case qrCode(PrintedQRCode)
        case image(PrintedImage)
    }

    /// Contents, top to bottom.
    public var elements: [Element] = []
    /// How the receipt was cut (nil while still on the roll).
    public var cut: CutMode?

    /// Text lines only.
    public var lines: [PrintedLine] {
        elements.compactMap { if case .line(let l) = $0 { l } else { nil } }
    }
    /// QR codes only.
    public var qrCodes: [PrintedQRCode] {
        elements.compactMap { if case .qrCode(let q) = $0 { q } else { nil } }
    }
    /// Raster images only.
    public var images: [PrintedImage] {
        elements.compactMap { if case .image(let i) = $0 { i } else { nil } }
    }
    /// Whether nothing has been printed.
    public var isEmpty: Bool { elements.isEmpty }
}
