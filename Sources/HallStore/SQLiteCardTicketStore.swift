import Foundation
import GRDB
import HallCore

/// The tickets people took by ID card, on the hall's SQLite database: a keyed hash of the ID
/// number and the ticket's id, nothing else of the card.
public final class SQLiteCardTicketStore: CardTicketStore {
    private let database: HallDatabase

    public init(_ database: HallDatabase) {
        self.database = database
    }

    public func tickets(of person: CardHolderKey, on day: LocalDay) async throws -> [CardTicketRecord] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.number, t.service_id, t.state FROM idcard_ticket c JOIN ticket t ON t.id = c.ticket_id
                    WHERE c.person_key = ? AND c.day = ? ORDER BY t.id
                    """, arguments: [person.rawValue, day.description]
            ).map { row in
                CardTicketRecord(
                    ticketID: row[0], ticketNumber: row[1], serviceID: row[2],
                    state: TicketState(rawValue: row[3]) ?? .done)
            }
        }
    }

    public func record(_ person: CardHolderKey, ticketID: Int64, on day: LocalDay) async throws {
        try await database.pool.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO idcard_ticket (ticket_id, person_key, day) VALUES (?, ?, ?)",
                arguments: [ticketID, person.rawValue, day.description])
        }
    }
}
