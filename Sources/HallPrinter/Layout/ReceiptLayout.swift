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

    public init(
        title: String, subtitleLines: [String] = [], fields: [Field], qrPayload: String? = nil,
        footerLines: [String] = []
    ) {
        self.title = title
        self.subtitleLines = subtitleLines
        self.fields = fields
        self.qrPayload = qrPayload
        self.footerLines = footerLines
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

    /// The ESC/POS bytes of `receipt` for `profile`.
    public func encode(_ receipt: ReceiptDocument, for profile: PrinterProfile) throws(EscPosError) -> [UInt8] {
        var w = DocumentWriter(profile: profile)
        let m = LineFitter.largestFittingMultiplier(for: receipt.title, columns: profile.charactersPerLine, preferred: 2)
        try w.lines(receipt.title, size: CharacterSize(width: m, height: m), bold: true)
        for line in receipt.subtitleLines { try w.lines(line) }
        try w.lines(String(repeating: "-", count: profile.charactersPerLine))
        for field in receipt.fields { try w.keyValue(field.key, field.value) }
        if let qr = receipt.qrPayload {
            try w.qrCode(qr, moduleSize: qrModuleSize, errorCorrection: .medium)
        }
        for line in receipt.footerLines { try w.lines(line) }
        return w.finish(feedLines: feedLinesBeforeCut)
    }
}
