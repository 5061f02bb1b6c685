import HallPrinter

/// The module matrix of a QR symbol as computed by libqrencode (model 2, 8-bit/auto mode),
/// the way a printer builds the symbol it stores with GS ( k — the same encoding the driver's
/// `QRRasterizer` uses for printers without GS ( k.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side.
    public let size: Int
    private let modules: MonochromeBitmap

    /// Encodes `payload`; nil when libqrencode rejects it.
    public init?(payload: String, errorCorrection: QRErrorCorrection) {
        guard let bitmap = QRRasterizer.bitmap(for: payload, errorCorrection: errorCorrection) else { return nil }
        size = bitmap.width
        modules = bitmap
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool { modules[x, y] }
}
