import Foundation

/// Where the hall screen's notice is kept (one row).
public protocol ScreenNoticeStore: Sendable {
    /// The notice (empty when never set).
    func notice() async throws -> ScreenNotice
    /// Replaces the notice and appends `event` to the event log in the same transaction; returns
    /// the stored event.
    func save(_ notice: ScreenNotice, by actor: String, event: HallEvent) async throws -> HallEvent
}
