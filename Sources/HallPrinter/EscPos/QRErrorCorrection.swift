/// QR code error-correction level (GS ( k, function 169, fn = 69).
public enum QRErrorCorrection: UInt8, Sendable, Codable, CaseIterable {
    /// About 7 % recovery.
    case low = 48
    /// About 15 % recovery.
    case medium = 49
    /// About 25 % recovery.
    case quartile = 50
    /// About 30 % recovery.
    case high = 51
}
