/// The kinds of device that pair with the hall instead of signing in: each acts with one device role.
public enum DeviceKind: String, Codable, Sendable, CaseIterable {
    /// A ticket kiosk (取号机).
    case kiosk
    /// A hall screen (叫号屏).
    case screen
    /// A window's rating pad (评价器); it faces one window.
    case ratingPad = "rating_pad"

    /// The role the paired device acts with.
    public var role: Role {
        switch self {
        case .kiosk: .kiosk
        case .screen: .screen
        case .ratingPad: .ratingPad
        }
    }

    /// Chinese name for pages and refusals.
    public var label: String { role.label }

    /// Whether a device of this kind stands at one window (and must name it).
    public var facesWindow: Bool { self == .ratingPad }
}
