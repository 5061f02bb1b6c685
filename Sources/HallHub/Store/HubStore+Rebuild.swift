import Foundation
import PostgresNIO

extension HubStore {
    /// After events were loaded into `hall_event` outside the batches (a restore, the benchmark's
    /// COPY): rebuilds every ticket's state from all the events held (`HubTicketSQL`) and marks
    /// every day of their tickets pending, so the roll-ups are made again from them. One
    /// transaction without the requests' deadline: a year of events takes minutes.
    public func rebuildFromEvents() async throws {
        try await database.client.withTransaction(logger: logger) { [logger] c in
            try await c.query("DELETE FROM hall_ticket", logger: logger)
            try await c.query(PostgresQuery(unsafeSQL: HubTicketSQL.fill), logger: logger)
            try await c.query(
                """
                INSERT INTO hall_day_pending (hall_id, day)
                SELECT DISTINCT hall_id, day FROM hall_ticket
                ON CONFLICT (hall_id, day) DO UPDATE SET marks = hall_day_pending.marks + 1
                """, logger: logger)
        }
    }
}
