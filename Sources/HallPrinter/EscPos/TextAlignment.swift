/// Horizontal justification of a line (ESC a n).
public enum TextAlignment: UInt8, Sendable, Codable, CaseIterable {
    case left = 0
    case center = 1
    case right = 2
}
