/// A 1-bit image for GS v 0: `true` pixels are printed (black).
///
/// Rows are packed most significant bit first, `bytesPerRow = (width + 7) / 8`, which is the
/// raster format GS v 0 expects.
public struct MonochromeBitmap: Sendable, Hashable, Codable {
    /// Width in dots.
    public let width: Int
    /// Height in dots.
    public let height: Int
    /// Packed rows, `bytesPerRow * height` bytes.
    public private(set) var packed: [UInt8]

    /// Bytes in one packed row.
    public var bytesPerRow: Int { (width + 7) / 8 }

    /// A blank (all white) bitmap.
    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.packed = [UInt8](repeating: 0, count: ((self.width + 7) / 8) * self.height)
    }

    /// A bitmap from packed rows; nil when the byte count does not match.
    public init?(width: Int, height: Int, packed: [UInt8]) {
        guard width > 0, height > 0, packed.count == ((width + 7) / 8) * height else { return nil }
        self.width = width
        self.height = height
        self.packed = packed
    }

    /// Reads or sets one pixel; out-of-range reads are white, writes ignored.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return false }
            return packed[y * bytesPerRow + x / 8] & (0x80 >> UInt8(x % 8)) != 0
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let i = y * bytesPerRow + x / 8
            let mask: UInt8 = 0x80 >> UInt8(x % 8)
            if newValue { packed[i] |= mask } else { packed[i] &= ~mask }
        }
    }

    /// Number of black pixels.
    public var blackPixelCount: Int { packed.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Each pixel repeated `factor` times in both directions (for QR modules).
    public func scaled(by factor: Int) -> MonochromeBitmap {
        let f = max(factor, 1)
        var out = MonochromeBitmap(width: width * f, height: height * f)
        for y in 0..<height {
            for x in 0..<width where self[x, y] {
                for dy in 0..<f { for dx in 0..<f { out[x * f + dx, y * f + dy] = true } }
            }
        }
        return out
    }
}
