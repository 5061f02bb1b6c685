import CQREncode

/// QR symbols as bitmaps through libqrencode, for printers without GS ( k.
public enum QRRasterizer {
    /// The module matrix of `payload` (one pixel per module, quiet zone not included);
    /// nil when libqrencode refuses the data.
    public static func bitmap(for payload: String, errorCorrection: QRErrorCorrection) -> MonochromeBitmap? {
        let level: QRecLevel =
            switch errorCorrection {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        guard let code = QRcode_encodeString(payload, 0, level, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        var out = MonochromeBitmap(width: width, height: width)
        for y in 0..<width {
            for x in 0..<width where data[y * width + x] & 1 != 0 { out[x, y] = true }
        }
        return out
    }
}
