/// The hub's rules for a batch, given what it holds for the hall: pure functions, the same on
/// both sides (the hall uses the refusals to resynchronise).
public enum SyncRules {
    /// What the hub does with a batch.
    public enum Verdict: Equatable, Sendable {
        /// Store `events` (those after the hub's last sequence, possibly none: a resend), then acknowledge.
        case apply(events: [SyncEvent])
        /// The send number is not above the last one seen: a replayed request.
        case replayed(lastSend: Int64)
        /// The batch starts after a sequence the hub does not hold: the hall resends from `expectedAfter`.
        case gap(expectedAfter: Int64)
        /// Sequences not increasing, or not above `after`, or an implausible window list: refused whole.
        case malformed
    }

    /// The most events one batch may carry.
    public static let maxBatchEvents = 5_000

    /// The verdict for `batch` when the hub holds the hall's events up to `lastSequence` and saw
    /// send number `lastSend`. Each event takes effect once: events at or below `lastSequence`
    /// are skipped, so a resend after a lost acknowledgement changes nothing.
    public static func verdict(for batch: SyncBatch, lastSequence: Int64, lastSend: Int64) -> Verdict {
        guard batch.events.count <= maxBatchEvents, batch.after >= 0 else { return .malformed }
        if let windows = batch.windows, !SyncWindow.isValid(windows) { return .malformed }
        var previous = batch.after
        for event in batch.events {
            guard event.sequence > previous else { return .malformed }
            previous = event.sequence
        }
        guard batch.send > lastSend else { return .replayed(lastSend: lastSend) }
        guard batch.after <= lastSequence else { return .gap(expectedAfter: lastSequence) }
        return .apply(events: batch.events.filter { $0.sequence > lastSequence })
    }
}
