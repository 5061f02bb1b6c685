import Foundation
import GRDB
import HallCore

/// `RatingTransaction` over one GRDB connection inside a transaction. Tickets, services, windows
/// and the calendar are read through the queue's and intake's own transactions.
struct SQLiteRatingTransaction: RatingTransaction {
    let db: Database
    private var queue: SQLiteQueueTransaction { SQLiteQueueTransaction(db: db) }

    func ticket(id: Int64) throws -> Ticket? { try queue.ticket(id: id) }

    func lastFinishedTicket(window: Int) throws -> Ticket? {
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id FROM ticket WHERE window_number = ? AND state = 'done' ORDER BY closed_at DESC, id DESC LIMIT 1
                        """), arguments: [window])
        else { return nil }
        return try queue.ticket(id: id)
    }

    func finishedBy(ticketID: Int64) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT actor FROM event WHERE ticket_id = ? AND \(EventLog.finished) ORDER BY id DESC LIMIT 1
                    """), arguments: [ticketID])
    }

    func staffName(_ username: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT display_name FROM account WHERE username = ?"), arguments: [username])
    }

    func serviceName(_ serviceID: String) throws -> String? {
        try queue.allServices().first { $0.id == serviceID }?.name
    }

    func windowName(_ window: Int) throws -> String? {
        try queue.allWindows().first { $0.number == window }?.name
    }

    private static let ratingColumns = "id, ticket_id, ticket_number, day, service_id, window_number, staff, level, channel, device, at"

    func rating(ticketID: Int64) throws -> Rating? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.ratingColumns) FROM rating WHERE ticket_id = ?"),
            arguments: [ticketID]
        ).map(Self.rating)
    }

    func insert(_ rating: Rating) throws -> Rating {
        guard try self.rating(ticketID: rating.ticketID) == nil else { throw RatingError.alreadyRated(ticket: rating.ticketNumber) }
        try db.cachedStatement(
            sql: """
                INSERT INTO rating (ticket_id, ticket_number, day, service_id, window_number, staff, level, channel, device, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            rating.ticketID, rating.ticketNumber, rating.day.description, rating.serviceID, rating.window,
            rating.staff, rating.level.rawValue, rating.channel.rawValue, rating.device,
            rating.at.timeIntervalSince1970,
        ])
        var stored = rating
        stored.id = db.lastInsertedRowID
        return stored
    }

    func ratings(days: ClosedRange<LocalDay>) throws -> [Rating] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(Self.ratingColumns) FROM rating WHERE day BETWEEN ? AND ? ORDER BY at, id"),
            arguments: [days.lowerBound.description, days.upperBound.description]
        ).map(Self.rating)
    }

    private static let followUpColumns = """
        id, rating_id, ticket_id, ticket_number, service_id, window_number, staff, level, state, opened_at, opened_day,
        due_day, provisional, closed_at, closed_by, note, overdue_alerted
        """

    func insert(_ f: RatingFollowUp) throws -> RatingFollowUp {
        try db.cachedStatement(sql: "INSERT INTO rating_follow_up (\(Self.followUpColumns)) VALUES (NULL, \(databaseQuestionMarks(count: 16)))")
            .execute(arguments: Self.arguments(f))
        var stored = f
        stored.id = db.lastInsertedRowID
        return stored
    }

    func followUp(id: Int64) throws -> RatingFollowUp? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.followUpColumns) FROM rating_follow_up WHERE id = ?"),
            arguments: [id]
        ).map(Self.followUp)
    }

    func followUps(openOnly: Bool) throws -> [RatingFollowUp] {
        let filter = openOnly ? "WHERE state = 'open'" : ""
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT \(Self.followUpColumns) FROM rating_follow_up \(filter) ORDER BY id DESC"))
            .map(Self.followUp)
    }

    func update(_ f: RatingFollowUp) throws {
        try db.cachedStatement(
            sql: """
                UPDATE rating_follow_up SET rating_id = ?, ticket_id = ?, ticket_number = ?, service_id = ?, window_number = ?, staff = ?,
                    level = ?, state = ?, opened_at = ?, opened_day = ?, due_day = ?, provisional = ?, closed_at = ?, closed_by = ?,
                    note = ?, overdue_alerted = ?
                WHERE id = ?
                """
        ).execute(arguments: Self.arguments(f) + [f.id])
        guard db.changesCount == 1 else { throw RatingError.unknownFollowUp(f.id) }
    }

    func holidaySchedules() throws -> [HolidaySchedule] { try SQLiteIntakeTransaction(db: db).holidaySchedules() }

    func append(_ event: HallEvent) throws -> HallEvent { try EventLog.append(event, in: db) }

    private static func rating(_ row: Row) -> Rating {
        Rating(
            id: row[0], ticketID: row[1], ticketNumber: row[2], day: LocalDay(row[3] as String)!, serviceID: row[4],
            window: row[5], staff: row[6], level: RatingLevel(rawValue: row[7]) ?? .basicallySatisfied,
            channel: RatingChannel(rawValue: row[8]) ?? .pad, device: row[9], at: Date(timeIntervalSince1970: row[10]))
    }

    private static func arguments(_ f: RatingFollowUp) -> StatementArguments {
        [
            f.ratingID, f.ticketID, f.ticketNumber, f.serviceID, f.window, f.staff, f.level.rawValue, f.state.rawValue,
            f.openedAt.timeIntervalSince1970, f.openedDay.description, f.dueDay.description, f.isProvisional,
            f.closedAt?.timeIntervalSince1970, f.closedBy, f.note, f.overdueAlerted,
        ]
    }

    private static func followUp(_ row: Row) -> RatingFollowUp {
        RatingFollowUp(
            id: row[0], ratingID: row[1], ticketID: row[2], ticketNumber: row[3], serviceID: row[4], window: row[5],
            staff: row[6], level: RatingLevel(rawValue: row[7]) ?? .dissatisfied,
            state: RatingFollowUp.State(rawValue: row[8]) ?? .open, openedAt: Date(timeIntervalSince1970: row[9]),
            openedDay: LocalDay(row[10] as String)!, dueDay: LocalDay(row[11] as String)!, isProvisional: row[12],
            closedAt: (row[13] as Double?).map { Date(timeIntervalSince1970: $0) }, closedBy: row[14], note: row[15],
            overdueAlerted: row[16])
    }
}
