/// A generic receipt (回执): a title, key/value lines, an optional QR code and notes.
public struct ReceiptDocument: Sendable, Hashable, Codable {
    /// One labelled value, e.g. `受理编号` → `2025-0001`.
    public struct Field: Sendable, Hashable, Codable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Title printed large, e.g. `上门服务回执`.
    public var title: String
    /// Lines under the title (center name).
    public var subtitleLines: [String]
    /// The body. Personal data must already be masked by the caller.
    public var fields: [Field]
    /// QR payload (a link), if any.
    public var qrPayload: String?
    /// Closing notes.
    public var footerLines: [String]
    /// The fixed lines in a script the printer has no font for, printed as images; nil: Chinese only.
    public var secondScript: ReceiptSecondScript?

    public init(
        title: String, subtitleLines: [String] = [], fields: [Field], qrPayload: String? = nil,
        footerLines: [String] = [], secondScript: ReceiptSecondScript? = nil
    ) {
        self.title = title
        self.subtitleLines = subtitleLines
        self.fields = fields
        self.qrPayload = qrPayload
        self.footerLines = footerLines
        self.secondScript = secondScript
    }
}

/// Encodes a ``ReceiptDocument`` for a printer profile.
public struct ReceiptLayout: Sendable, Hashable, Codable {
    /// QR module size in dots; nil picks one by paper width.
    public var qrModuleSize: Int?
    /// Lines fed before the cut.
    public var feedLinesBeforeCut: Int

    public init(qrModuleSize: Int? = nil, feedLinesBeforeCut: Int = 3) {
        self.qrModuleSize = qrModuleSize
        self.feedLinesBeforeCut = feedLinesBeforeCut
    }

    /// The ESC/POS bytes of `receipt` for `profile`. The twins of its fixed lines in a second
    /// script are drawn by `rasterizer` (as a ticket's are, sentences broken over several lines
    /// within the paper) and sent as raster images: centered with their lines, at the left above
    /// a field's key.
    public func encode(
        _ receipt: ReceiptDocument, for profile: PrinterProfile, rasterizer: any TextRasterizer = PangoTextRasterizer()
    ) throws(EscPosError) -> [UInt8] {
        var w = DocumentWriter(profile: profile)
        let second = receipt.secondScript
        func before(_ chinese: String, align: TextAlignment = .center) throws(EscPosError) -> MonochromeBitmap? {
            guard let second else { return nil }
            return try w.twinBefore(second.twin(of: chinese), first: second.first, rasterizer: rasterizer, wrap: true, align: align)
        }
        func after(_ image: MonochromeBitmap?, align: TextAlignment = .center) throws(EscPosError) {
            try w.twinAfter(image, align: align)
        }
        let m = LineFitter.largestFittingMultiplier(for: receipt.title, columns: profile.charactersPerLine, preferred: 2)
        let title = try before(receipt.title)
        try w.lines(receipt.title, size: CharacterSize(width: m, height: m), bold: true)
        try after(title)
        for line in receipt.subtitleLines {
            let later = try before(line)
            try w.lines(line)
            try after(later)
        }
        try w.lines(String(repeating: "-", count: profile.charactersPerLine))
        for field in receipt.fields {
            let later = try before(field.key, align: .left)
            try w.keyValue(field.key, field.value)
            try after(later, align: .left)
        }
        if let qr = receipt.qrPayload {
            try w.qrCode(qr, moduleSize: qrModuleSize, errorCorrection: .medium)
        }
        for line in receipt.footerLines {
            let later = try before(line)
            try w.lines(line)
            try after(later)
        }
        return w.finish(feedLines: feedLinesBeforeCut)
    }
}
