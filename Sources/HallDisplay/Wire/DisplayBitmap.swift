/// A one-bit image for a window screen whose controller draws pixels (a profile with `pixels`):
/// how a script the controller has no font for (traditional Mongolian) reaches the screen. Rows
/// top to bottom, each `bytesPerRow` bytes, the leftmost pixel in the high bit; 1 = lit.
public struct DisplayBitmap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let packed: [UInt8]

    /// The largest image a frame carries (256 × 64 pixels).
    public static let maxWidth = 256
    public static let maxHeight = 64

    /// Bytes in one row.
    public var bytesPerRow: Int { (width + 7) / 8 }

    /// An image from packed rows; nil when a size is out of range or the byte count does not match.
    public init?(width: Int, height: Int, packed: [UInt8]) {
        guard (1...Self.maxWidth).contains(width), (1...Self.maxHeight).contains(height),
            packed.count == (width + 7) / 8 * height
        else { return nil }
        self.width = width
        self.height = height
        self.packed = packed
    }

    /// Whether the pixel at (`x`, `y`) is lit; false outside the image.
    public func isLit(x: Int, y: Int) -> Bool {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return false }
        return packed[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
    }

    /// Lit pixels in rows `rows` (for tests and the emulator's description).
    public func litCount(rows: Range<Int>) -> Int {
        rows.clamped(to: 0..<height).reduce(0) { sum, y in sum + (0..<width).filter { isLit(x: $0, y: y) }.count }
    }
}
