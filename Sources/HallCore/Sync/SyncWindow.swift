/// One of the hall's configured windows as it crosses to the hub with each batch (`SyncBatch.windows`):
/// its number, name, the services it calls and whether it is open now (not paused). Nothing about
/// the clerk at it or the ticket it serves.
public struct SyncWindow: Codable, Sendable, Equatable {
    public var number: Int
    /// Display name, e.g. 综合受理窗口.
    public var name: String
    /// The services it calls, most preferred first.
    public var serviceIDs: [String]
    /// Open now: configured and not paused.
    public var isOpen: Bool

    public init(number: Int, name: String, serviceIDs: [String], isOpen: Bool) {
        self.number = number
        self.name = name
        self.serviceIDs = serviceIDs
        self.isOpen = isOpen
    }

    /// The window as the hall has it now.
    public init(_ window: ServiceWindow) {
        self.init(number: window.number, name: window.name, serviceIDs: window.serviceIDs, isOpen: !window.isPaused)
    }

    /// The most windows one batch may report.
    public static let maxWindows = 200

    /// Whether `windows` is a hall's plausible window list: at most `maxWindows`, numbers 1…9999
    /// and distinct, names of at most 64 characters, at most 64 services each of 1…64 characters.
    public static func isValid(_ windows: [SyncWindow]) -> Bool {
        guard windows.count <= maxWindows, Set(windows.map(\.number)).count == windows.count else { return false }
        return windows.allSatisfy { w in
            (1...9_999).contains(w.number) && w.name.count <= 64 && w.serviceIDs.count <= 64
                && w.serviceIDs.allSatisfy { (1...64).contains($0.count) }
        }
    }
}
