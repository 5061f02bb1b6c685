/// Where the head's corrections of residents' strings are kept (read once at start, by the store's
/// own means, then held by `ResidentWording`).
public protocol WordingCorrectionStore: Sendable {
    /// Replaces or adds the correction of (`language`, `key`) and appends `event` in the same
    /// transaction; returns the stored event.
    func save(_ correction: WordingCorrection, event: HallEvent) async throws -> HallEvent
    /// Removes the correction of (`language`, `key`), if any, and appends `event`; returns the
    /// stored event, or nil when there was nothing to remove.
    func remove(language: ResidentLanguage, key: String, event: HallEvent) async throws -> HallEvent?
}
