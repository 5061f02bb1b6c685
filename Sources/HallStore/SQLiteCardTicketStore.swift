import Foundation
import GRDB
import HallCore

/// The tickets people took by ID card, on the hall's SQLite database: a keyed hash of the ID
/// number and the ticket's id, nothing else of the card. Read and written on the queue's
/// connection, inside the transaction that issues the ticket.
public final class SQLiteCardTicketStore: CardTicketStore {
    public init() {}

    public func ledger(in tx: any QueueTransaction) throws -> any CardTicketLedger {
        guard let queue = tx as? SQLiteQueueTransaction else { throw ForeignTransaction() }
        return Ledger(db: queue.db)
    }

    /// A queue transaction of another store: the ledger shares only this store's SQLite connection.
    struct ForeignTransaction: Error, CustomStringConvertible {
        var description: String { "the card-ticket ledger runs only inside a SQLite queue transaction" }
    }

    struct Ledger: CardTicketLedger {
        let db: Database

        func tickets(of person: CardHolderKey, on day: LocalDay) throws -> [CardTicketRecord] {
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

        func record(_ person: CardHolderKey, ticketID: Int64, on day: LocalDay) throws {
            try db.execute(
                sql: "INSERT INTO idcard_ticket (ticket_id, person_key, day) VALUES (?, ?, ?)",
                arguments: [ticketID, person.rawValue, day.description])
        }
    }
}
