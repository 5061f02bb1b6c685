import Foundation
import GRDB
import HallCore

/// Appends to the shared `event` table (used by every store's transaction).
enum EventLog {
    /// Stores `event` and returns it with its log position; the body is the event's JSON (which
    /// holds that position, hence the update once the row has its id).
    static func append(_ event: HallEvent, in db: Database) throws -> HallEvent {
        try db.cachedStatement(sql: "INSERT INTO event (type, at, ticket_id, window_number, actor, body) VALUES (?, ?, ?, ?, ?, '')")
            .execute(arguments: [event.type.rawValue, event.at.timeIntervalSince1970, event.ticket?.id, event.window, event.actor])
        var stored = event
        stored.id = db.lastInsertedRowID
        try db.cachedStatement(sql: "UPDATE event SET body = ? WHERE id = ?")
            .execute(arguments: [try HallEventJSON.text(stored), stored.id])
        return stored
    }
}
