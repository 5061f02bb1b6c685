/// How the paper is cut at the end of a ticket.
public enum CutMode: String, Sendable, Codable, CaseIterable {
    /// No autocutter: feed to the tear bar only.
    case none
    /// Partial cut, one point left uncut (GS V 66 n).
    case partial
    /// Full cut (GS V 65 n).
    case full

    /// The GS V function-B mode byte (feed to cut position + n, then cut), if any.
    public var functionBMode: UInt8? {
        switch self {
        case .none: nil
        case .partial: 66
        case .full: 65
        }
    }
}
