/// What AB posts need from storage, inside one transaction.
public protocol PostTransaction {
    func windows() throws -> [ServiceWindow]
    /// Every stored post, by window.
    func posts() throws -> [WindowPost]
    func post(window: Int) throws -> WindowPost?
    func save(_ post: WindowPost) throws
    /// Display names of staff accounts by user name.
    func staffNames() throws -> [String: String]
    func append(_ event: HallEvent) throws -> HallEvent
}

/// Runs post work in durable transactions.
public protocol PostStore: Sendable {
    func write<T: Sendable>(_ work: @escaping @Sendable (any PostTransaction) throws -> T) async throws -> T
    func read<T: Sendable>(_ work: @escaping @Sendable (any PostTransaction) throws -> T) async throws -> T
}

extension EventType {
    /// The head assigned a window's A and B posts.
    public static let postAssigned: EventType = "post.assigned"
    /// A was marked away: B is on duty.
    public static let postAway: EventType = "post.away"
    /// A is back on duty.
    public static let postBack: EventType = "post.back"
    /// A staff member took a window as neither A nor B (after the warning).
    public static let postCover: EventType = "post.cover"
}
