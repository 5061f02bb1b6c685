import Foundation
import GRDB
import HallCore

/// Appends to the shared `event` table (used by every store's transaction).
enum EventLog {
    /// The condition of the index on `at` (`v19-event-indexes`): every event but ticket issues.
    /// A query must repeat it word for word for SQLite to use that index.
    static let notIssued = "type != 'ticket.issued'"
    /// The condition of the index on `ticket_id`: only `ticket.finished` events.
    static let finished = "type = 'ticket.finished'"

    /// Stores `event` and returns it with its log position. The body is the event's JSON, which
    /// holds that position, so the position is taken first (the largest plus one, as SQLite would
    /// pick it: the store has one writer, this runs inside its transaction, and the newest event is
    /// never deleted, v21-plain-rowids) and the row written once.
    static func append(_ event: HallEvent, in db: Database) throws -> HallEvent {
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(id) FROM event")) ?? 0
        var stored = event
        stored.id = last + 1
        try db.cachedStatement(sql: "INSERT INTO event (id, type, at, ticket_id, window_number, actor, body) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                stored.id, event.type.rawValue, event.at.timeIntervalSince1970, event.ticket?.id, event.window, event.actor,
                try HallEventJSON.text(stored),
            ])
        return stored
    }
}
