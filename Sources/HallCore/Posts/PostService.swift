import Foundation

/// AB posts (AB岗) of the hall's windows: the head assigns A and B per window and marks A away
/// or back; the console asks who is on duty and checks a clerk taking a window. Each change runs
/// in one durable transaction; its events are published after commit.
public final class PostService: Sendable {
    private let store: any PostStore
    private let accounts: any AccountStore
    private let clock: any HallClock
    private let sink: any HallEventSink

    public init(store: any PostStore, accounts: any AccountStore, clock: any HallClock, sink: any HallEventSink) {
        self.store = store
        self.accounts = accounts
        self.clock = clock
        self.sink = sink
    }

    /// Every window with its posts (windows without posts too), by window number.
    public func posts() async throws -> [WindowPostView] {
        try await store.read { tx in
            let posts = Dictionary(uniqueKeysWithValues: try tx.posts().map { ($0.window, $0) })
            let names = try tx.staffNames()
            return try tx.windows().map { Self.view(posts[$0.number] ?? WindowPost(window: $0.number), window: $0, names: names) }
        }
    }

    /// One window's posts.
    public func post(window: Int) async throws -> WindowPostView {
        guard let view = try await posts().first(where: { $0.window == window }) else { throw QueueError.unknownWindow(window) }
        return view
    }

    /// Assigns the A and B posts of `window` (nil clears a post).
    public func assign(window: Int, a: String?, b: String?, actor: String) async throws -> WindowPostView {
        let a = a.flatMap(Self.clean), b = b.flatMap(Self.clean)
        for username in [a, b].compactMap({ $0 }) {
            try WindowPosts.validate(username, account: try await accounts.account(username))
        }
        return try await change(window, .postAssigned, actor, data: ["a": a ?? "", "b": b ?? ""]) { post, _ in
            try WindowPosts.assign(post, a: a, b: b)
        }
    }

    /// Marks the A post holder of `window` away (B on duty) or back.
    public func setAway(window: Int, away: Bool, reason: String?, actor: String) async throws -> WindowPostView {
        try await change(window, away ? .postAway : .postBack, actor, data: [:]) { post, now in
            try WindowPosts.setAway(post, away: away, reason: reason, at: now)
        }
    }

    /// A staff member takes `window` (the console's window choice): their post, who is on duty and,
    /// when they are neither A nor B, a warning; that case is logged as `post.cover`.
    public func check(window: Int, username: String) async throws -> PostCheck {
        let now = clock.now()
        let (check, events) = try await store.write { tx -> (PostCheck, [HallEvent]) in
            guard let w = try tx.windows().first(where: { $0.number == window }) else { throw QueueError.unknownWindow(window) }
            let post = try tx.post(window: window)
            let view = Self.view(post ?? WindowPost(window: window), window: w, names: try tx.staffNames())
            var check = WindowPosts.check(post, username: username, onDuty: view.onDuty)
            check.window = window
            guard check.role == .none else { return (check, []) }
            let event = try tx.append(
                HallEvent(
                    type: .postCover, at: now, window: window, actor: username,
                    data: ["onDuty": view.onDuty?.username ?? ""]))
            return (check, [event])
        }
        sink.publish(events)
        return check
    }

    // MARK: Helpers

    private func change(
        _ window: Int, _ type: EventType, _ actor: String, data: [String: String],
        _ apply: @escaping @Sendable (WindowPost, Date) throws -> WindowPost
    ) async throws -> WindowPostView {
        let now = clock.now()
        let (view, events) = try await store.write { tx -> (WindowPostView, [HallEvent]) in
            guard let w = try tx.windows().first(where: { $0.number == window }) else { throw QueueError.unknownWindow(window) }
            var post = try apply(try tx.post(window: window) ?? WindowPost(window: window), now)
            post.updatedAt = now
            post.updatedBy = actor
            try tx.save(post)
            var eventData = data
            eventData["onDuty"] = post.onDuty ?? ""
            let event = try tx.append(HallEvent(type: type, at: now, window: window, actor: actor, data: eventData))
            return (Self.view(post, window: w, names: try tx.staffNames()), [event])
        }
        sink.publish(events)
        return view
    }

    private static func clean(_ text: String) -> String? {
        text.trimmingCharacters(in: .whitespaces).nonEmpty
    }

    static func view(_ post: WindowPost, window: ServiceWindow, names: [String: String]) -> WindowPostView {
        func ref(_ username: String?) -> StaffRef? {
            username.map { StaffRef(username: $0, displayName: names[$0] ?? $0) }
        }
        return WindowPostView(
            window: window.number, windowName: window.name, a: ref(post.a), b: ref(post.b), aAway: post.aAway,
            awaySince: post.awaySince, awayReason: post.awayReason, onDuty: ref(post.onDuty),
            updatedAt: post.updatedAt, updatedBy: post.updatedBy)
    }
}
