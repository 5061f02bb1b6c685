/// Shared helpers that lay text, QR codes and cuts out for one printer profile.
struct DocumentWriter {
    let profile: PrinterProfile
    var encoder: EscPosEncoder
    /// Height in dots of a second script's line (the printer's Chinese characters are 24 dots).
    static let secondScriptDots = 28

    init(profile: PrinterProfile) {
        self.profile = profile
        self.encoder = EscPosEncoder(font: profile.supportsChinese ? profile.chineseFont : .none)
        encoder.initialize()
    }

    /// Wrapped lines of `text` at `size`, each fitting the profile's columns.
    mutating func lines(
        _ text: String, align: TextAlignment = .center, size: CharacterSize = .normal,
        bold: Bool = false
    ) throws(EscPosError) {
        encoder.align(align)
        if bold { encoder.bold(true) }
        if size != .normal { encoder.size(size) }
        for line in LineFitter.wrap(text, columns: profile.charactersPerLine, widthMultiplier: size.width) {
            try encoder.line(line)
        }
        if size != .normal { encoder.size(.normal) }
        if bold { encoder.bold(false) }
    }

    /// A line with `key` at the left and `value` at the right when both fit, otherwise
    /// the key on its own line and the value wrapped below it.
    mutating func keyValue(_ key: String, _ value: String) throws(EscPosError) {
        let cpl = profile.charactersPerLine
        let used = GB18030.columns(key) + GB18030.columns(value)
        encoder.align(.left)
        if used + 1 <= cpl {
            try encoder.line(key + String(repeating: " ", count: cpl - used) + value)
        } else {
            try encoder.line(key)
            for line in LineFitter.wrap(value, columns: cpl - 2) { try encoder.line("  " + line) }
        }
    }

    /// A QR code centered: drawn by the printer when it supports GS ( k, otherwise sent
    /// as a raster image rendered with libqrencode, or as text when that fails.
    mutating func qrCode(_ payload: String, moduleSize: Int?, errorCorrection: QRErrorCorrection) throws(EscPosError) {
        let module = moduleSize ?? (profile.paperWidthMillimetres >= 80 ? 6 : 5)
        encoder.align(.center)
        if profile.supportsQRCode {
            try encoder.qrCode(payload, moduleSize: module, errorCorrection: errorCorrection)
            encoder.lineFeed()
        } else if let matrix = QRRasterizer.bitmap(for: payload, errorCorrection: errorCorrection) {
            let fitting = max(1, min(module, profile.printableDots / max(matrix.width, 1)))
            try encoder.rasterImage(matrix.scaled(by: fitting))
        } else {
            try lines(payload, align: .center)
        }
    }

    /// A raster image (a logo, a second script's line), centered unless told; skipped when wider
    /// than the paper.
    mutating func image(_ bitmap: MonochromeBitmap, align: TextAlignment = .center) throws(EscPosError) {
        guard bitmap.width <= profile.printableDots else { return }
        encoder.align(align)
        try encoder.rasterImage(bitmap)
    }

    /// The twin of a line in a script the printer has no font for, drawn by `rasterizer`
    /// ``secondScriptDots`` high within the paper: written now when it comes `first`, else
    /// returned for ``twinAfter(_:align:)`` once its Chinese line is written. `wrap`: broken over
    /// several lines when too long (a sentence), else made smaller to fit one.
    mutating func twinBefore(
        _ text: String?, first: Bool, rasterizer: any TextRasterizer, wrap: Bool = false, align: TextAlignment = .center
    ) throws(EscPosError) -> MonochromeBitmap? {
        guard let text else { return nil }
        let dots = Self.secondScriptDots, width = profile.printableDots
        let drawn = wrap
            ? rasterizer.paragraph(text, pixelHeight: dots, maxWidth: width) : rasterizer.bitmap(text, pixelHeight: dots, maxWidth: width)
        guard let image = drawn else { return nil }
        guard first else { return image }
        try self.image(image, align: align)
        return nil
    }

    /// Writes a twin ``twinBefore(_:first:rasterizer:wrap:align:)`` kept for after its line.
    mutating func twinAfter(_ image: MonochromeBitmap?, align: TextAlignment = .center) throws(EscPosError) {
        if let image { try self.image(image, align: align) }
    }

    /// Feeds and cuts according to the profile's cutter.
    mutating func finish(feedLines: Int) -> [UInt8] {
        encoder.align(.left)
        if profile.cutter == .none {
            encoder.feed(lines: feedLines + 3)
        } else {
            encoder.feed(lines: feedLines)
            encoder.cut(profile.cutter)
        }
        return encoder.bytes
    }
}
