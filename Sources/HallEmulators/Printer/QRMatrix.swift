import CQREncode
import HallPrinter

/// The module matrix of a QR symbol as computed by libqrencode (model 2, 8-bit/auto mode),
/// the way a printer builds the symbol it stores with GS ( k.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side.
    public let size: Int
    private let dark: [Bool]

    /// Encodes `payload`; nil when libqrencode rejects it.
    public init?(payload: String, errorCorrection: QRErrorCorrection) {
        let level: QRecLevel = switch errorCorrection {
        case .low: QR_ECLEVEL_L
        case .medium: QR_ECLEVEL_M
        case .quartile: QR_ECLEVEL_Q
        case .high: QR_ECLEVEL_H
        }
        guard let code = QRcode_encodeString(payload, 0, level, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        dark = (0..<(width * width)).map { data[$0] & 1 != 0 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool { dark[y * size + x] }
}
