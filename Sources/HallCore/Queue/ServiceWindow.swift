/// A numbered counter in the hall. It serves several services, listed in its priority order.
public struct ServiceWindow: Codable, Sendable, Hashable, Identifiable {
    /// The number painted above the window (3 → "3号窗口").
    public var number: Int
    /// Display name, e.g. 综合受理窗口.
    public var name: String
    /// Services this window calls from, most preferred first.
    public var serviceIDs: [String]
    /// A paused window calls no one (clerk away, break).
    public var isPaused: Bool

    public var id: Int { number }

    public init(number: Int, name: String, serviceIDs: [String], isPaused: Bool = false) {
        self.number = number
        self.name = name
        self.serviceIDs = serviceIDs
        self.isPaused = isPaused
    }

    /// Whether this window calls tickets of `serviceID`.
    public func serves(_ serviceID: String) -> Bool { serviceIDs.contains(serviceID) }

    /// How it is announced: "3号窗口".
    public var spokenName: String { "\(number)号窗口" }
}
