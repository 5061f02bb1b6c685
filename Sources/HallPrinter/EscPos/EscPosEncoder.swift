/// Builds an ESC/POS byte stream command by command.
///
/// Every method appends the bytes of one command as documented in Epson's ESC/POS
/// reference and returns `self` for chaining; ``bytes`` is the stream to send.
///
/// ```swift
/// var e = EscPosEncoder()
/// e.initialize().align(.center).size(.double).text("A001").lineFeed().cut(.partial)
/// ```
public struct EscPosEncoder: Sendable {
    /// The encoded stream so far.
    public private(set) var bytes: [UInt8] = []
    /// Which characters the target printer's font can print (checked by ``text(_:)``).
    public var font: PrinterFontCoverage
    /// Whether Chinese (FS &) mode is currently on in the stream being built.
    public private(set) var chineseMode = false

    private typealias C = EscPosControl

    /// Creates an empty encoder for a printer with the given Chinese font coverage.
    public init(font: PrinterFontCoverage = .gb18030, reservingCapacity: Int = 512) {
        self.font = font
        bytes.reserveCapacity(reservingCapacity)
    }

    /// Appends raw bytes unchanged.
    @discardableResult
    public mutating func raw(_ data: [UInt8]) -> Self {
        bytes.append(contentsOf: data)
        return self
    }

    /// ESC @: clears the print buffer and resets modes to power-on defaults.
    @discardableResult
    public mutating func initialize() -> Self {
        chineseMode = false
        return raw([C.esc, 0x40])
    }

    /// ESC a n: justification of the following lines (takes effect at a line start).
    @discardableResult
    public mutating func align(_ alignment: TextAlignment) -> Self {
        raw([C.esc, 0x61, alignment.rawValue])
    }

    /// ESC E n: emphasized (bold) on or off.
    @discardableResult
    public mutating func bold(_ on: Bool) -> Self {
        raw([C.esc, 0x45, on ? 1 : 0])
    }

    /// GS ! n: character width and height multipliers.
    @discardableResult
    public mutating func size(_ size: CharacterSize) -> Self {
        raw([C.gs, 0x21, size.gsParameter])
    }

    /// FS & (on) or FS . (off): Chinese character mode, in which bytes ≥ 0x80 are read
    /// as GB18030 sequences instead of code-page characters.
    @discardableResult
    public mutating func chinese(_ on: Bool) -> Self {
        chineseMode = on
        return raw([C.fs, on ? 0x26 : 0x2E])
    }

    /// Text without a line feed. Non-ASCII text switches Chinese mode on first if needed.
    @discardableResult
    public mutating func text(_ string: String) throws(EscPosError) -> Self {
        let encoded = try GB18030.encode(string, font: font)
        if !chineseMode, encoded.contains(where: { $0 >= 0x80 }) { chinese(true) }
        return raw(encoded)
    }

    /// Text followed by LF.
    @discardableResult
    public mutating func line(_ string: String) throws(EscPosError) -> Self {
        try text(string)
        return lineFeed()
    }

    /// LF: prints the buffer and feeds one line.
    @discardableResult
    public mutating func lineFeed() -> Self {
        raw([C.lf])
    }

    /// ESC d n: prints the buffer and feeds `lines` lines (0...255).
    @discardableResult
    public mutating func feed(lines: Int) -> Self {
        raw([C.esc, 0x64, UInt8(clamping: lines)])
    }

    /// A QR code, model 2: GS ( k functions 165 (model), 167 (module size),
    /// 169 (error level), 180 (store data) and 181 (print).
    ///
    /// - Parameters:
    ///   - payload: the symbol data (UTF-8 bytes of the string), 1...7089 bytes.
    ///   - moduleSize: dots per module, 1...16.
    @discardableResult
    public mutating func qrCode(
        _ payload: String, moduleSize: Int = 6,
        errorCorrection: QRErrorCorrection = .medium
    ) throws(EscPosError) -> Self {
        let data = Array(payload.utf8)
        guard (1...7089).contains(data.count) else { throw .qrPayloadSize(data.count) }
        let k: (UInt8, [UInt8]) -> [UInt8] = { fn, params in
            let length = params.count + 2
            return [C.gs, 0x28, 0x6B, UInt8(length & 0xFF), UInt8(length >> 8), 49, fn] + params
        }
        raw(k(65, [50, 0]))
        raw(k(67, [UInt8(min(max(moduleSize, 1), 16))]))
        raw(k(69, [errorCorrection.rawValue]))
        raw(k(80, [48] + data))
        return raw(k(81, [48]))
    }

    /// GS V: feed to the cutting position plus `feed` motion units and cut (function B,
    /// m = 65 full / 66 partial). With ``CutMode/none`` it only feeds `feedLines` lines.
    @discardableResult
    public mutating func cut(_ mode: CutMode, feed: Int = 0, feedLinesWithoutCutter: Int = 4) -> Self {
        guard let m = mode.functionBMode else { return self.feed(lines: feedLinesWithoutCutter) }
        return raw([C.gs, 0x56, m, UInt8(clamping: feed)])
    }

    /// GS v 0: prints a raster bit image in normal density.
    @discardableResult
    public mutating func rasterImage(_ image: MonochromeBitmap) throws(EscPosError) -> Self {
        let xBytes = image.bytesPerRow
        guard image.width > 0, image.height > 0, xBytes <= 0xFFFF, image.height <= 0xFFFF else {
            throw .imageSize(width: image.width, height: image.height)
        }
        raw([
            C.gs, 0x76, 0x30, 0,
            UInt8(xBytes & 0xFF), UInt8(xBytes >> 8),
            UInt8(image.height & 0xFF), UInt8(image.height >> 8),
        ])
        return raw(image.packed)
    }

    /// DLE EOT n: asks for one real-time status byte.
    @discardableResult
    public mutating func statusRequest(_ request: StatusRequest) -> Self {
        raw(Self.statusRequestBytes(request))
    }

    /// GS a n: enables automatic status back for the items in `items` (0 disables).
    @discardableResult
    public mutating func automaticStatusBack(_ items: AutomaticStatusItems) -> Self {
        raw([C.gs, 0x61, items.rawValue])
    }

    /// The three bytes of a DLE EOT n request.
    public static func statusRequestBytes(_ request: StatusRequest) -> [UInt8] {
        [C.dle, C.eot, request.rawValue]
    }
}
