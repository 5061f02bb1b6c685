/// Character magnification selected with GS ! n: width and height multipliers 1...8.
public struct CharacterSize: Sendable, Hashable, Codable {
    /// Horizontal multiplier (1 = normal).
    public let width: Int
    /// Vertical multiplier (1 = normal).
    public let height: Int

    /// Creates a size; multipliers are clamped to the printer's range 1...8.
    public init(width: Int, height: Int) {
        self.width = min(max(width, 1), 8)
        self.height = min(max(height, 1), 8)
    }

    /// Normal size.
    public static let normal = CharacterSize(width: 1, height: 1)
    /// Double width and height.
    public static let double = CharacterSize(width: 2, height: 2)

    /// The GS ! parameter: bits 4-6 width-1, bits 0-2 height-1.
    public var gsParameter: UInt8 { UInt8(((width - 1) << 4) | (height - 1)) }

    /// Decodes a GS ! parameter.
    public init(gsParameter n: UInt8) {
        self.init(width: Int((n >> 4) & 0x07) + 1, height: Int(n & 0x07) + 1)
    }
}
