import Foundation

/// The AB posts of a window (AB岗): an A staff member who holds the window and a B staff member
/// who covers it while A is away, so the window is always served.
public struct WindowPost: Codable, Sendable, Equatable {
    public var window: Int
    /// User name of the A post holder (主岗).
    public var a: String?
    /// User name of the B post holder (备岗).
    public var b: String?
    /// A is away (leave, training, out on a home visit): B is on duty.
    public var aAway: Bool
    public var awaySince: Date?
    /// Why A is away, as the head recorded it.
    public var awayReason: String?
    public var updatedAt: Date?
    public var updatedBy: String?

    public init(window: Int, a: String? = nil, b: String? = nil) {
        self.window = window
        self.a = a
        self.b = b
        self.aAway = false
    }

    /// Who should be working the window now: A, or B while A is away.
    public var onDuty: String? { aAway ? b : a }

    /// Whether any post is assigned.
    public var isAssigned: Bool { a != nil || b != nil }
}

/// A staff member as the posts show them.
public struct StaffRef: Codable, Sendable, Equatable {
    public var username: String
    public var displayName: String

    public init(username: String, displayName: String) {
        self.username = username
        self.displayName = displayName
    }
}

/// A window's posts with names, for the console and the head's page.
public struct WindowPostView: Codable, Sendable, Equatable {
    public var window: Int
    public var windowName: String
    public var a: StaffRef?
    public var b: StaffRef?
    public var aAway: Bool
    public var awaySince: Date?
    public var awayReason: String?
    public var onDuty: StaffRef?
    public var updatedAt: Date?
    public var updatedBy: String?
}

/// Which post a staff member holds at a window.
public enum PostRole: String, Codable, Sendable {
    case a
    case b
    /// Neither A nor B of a window that has posts.
    case none
    /// The window has no posts assigned: anyone may work it.
    case unassigned

    public var label: String {
        switch self {
        case .a: "A岗"
        case .b: "B岗"
        case .none: "非本窗口岗位人员"
        case .unassigned: "本窗口未设AB岗"
        }
    }
}

/// The answer to a clerk taking a window: their post, who is on duty, and a warning to confirm
/// when they are neither A nor B (they may still work it, e.g. assigned by the head; it is audited).
public struct PostCheck: Codable, Sendable, Equatable {
    public var window: Int
    public var role: PostRole
    public var onDuty: StaffRef?
    /// Chinese warning to show the clerk, nil when all is in order.
    public var warning: String?
}
