/// Where a ticket is in its life.
///
/// ```
/// waiting ─call→ called ─start→ serving ─finish→ done
///    │             │  └recall┘     │ └hold→ held ─resume→ serving
///    │             ├skip→ noShow   └transfer→ waiting (new service or window)
///    └leave→ left  └transfer→ waiting
/// ```
public enum TicketState: String, Codable, Sendable, CaseIterable {
    /// In the queue, not yet called.
    case waiting
    /// Called to a window; the resident is expected there.
    case called
    /// The resident is at the window being served.
    case serving
    /// Set aside while the resident fetches something; the window may call others meanwhile.
    case held
    /// Served.
    case done
    /// Called and recalled but never came.
    case noShow = "no_show"
    /// The resident chose not to wait.
    case left

    /// States in which the ticket still needs attention today.
    public static let open: Set<TicketState> = [.waiting, .called, .serving, .held]

    /// States that occupy a window.
    public static let atWindow: Set<TicketState> = [.called, .serving]

    /// Chinese label for screens and the console.
    public var label: String {
        switch self {
        case .waiting: "等候中"
        case .called: "已呼叫"
        case .serving: "办理中"
        case .held: "暂挂"
        case .done: "已办结"
        case .noShow: "过号"
        case .left: "已离开"
        }
    }
}
