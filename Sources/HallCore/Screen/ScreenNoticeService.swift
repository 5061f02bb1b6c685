import Foundation

/// The hall screen's scrolling notice: anyone may read it (the screen is a public surface), the
/// head sets it; screens hear `screen.notice` and read it again.
public final class ScreenNoticeService: Sendable {
    private let store: any ScreenNoticeStore
    private let clock: any HallClock
    private let sink: any HallEventSink

    public init(store: any ScreenNoticeStore, clock: any HallClock, sink: any HallEventSink) {
        self.store = store
        self.clock = clock
        self.sink = sink
    }

    /// The current notice.
    public func notice() async throws -> ScreenNotice { try await store.notice() }

    /// Sets the notice (empty text removes it).
    public func set(_ text: String, actor: String) async throws -> ScreenNotice {
        let now = clock.now()
        let notice = ScreenNotice(text: try ScreenNotice.clean(text), updatedAt: now)
        let event = try await store.save(notice, by: actor, event: HallEvent(type: .screenNotice, at: now, actor: actor))
        sink.publish([event])
        return notice
    }
}
