import Foundation
import GRDB
import HallCore

/// `QueueTransaction` over one GRDB database connection inside a transaction.
struct SQLiteQueueTransaction: QueueTransaction {
    let db: Database
    /// The writer's cache of the services (`ServiceCache`); nil in read transactions.
    var serviceCache: ServiceCache? = nil
    /// The writer's memo of the reads an issue makes (`IssueMemo`); nil in read transactions.
    var memo: IssueMemo? = nil

    private static let ticketColumns = """
        id, day, number, sequence, service_id, issued_service_id, priority, state, issued_at, called_at,
        serving_at, closed_at, window_number, recalls, transfers, served_before_hold
        """

    // Lists are read through cursors: each row is decoded in place instead of being copied first.

    /// In configuration order. The handful of rows is sorted here: SQLite's sorter cost more than the read.
    func allServices() throws -> [Service] {
        var services: [(position: Int, service: Service)] = []
        try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, name, prefix, typical_minutes, position FROM service")).forEach {
            services.append(($0[4], Service(id: $0[0], name: $0[1], prefix: $0[2], typicalServiceMinutes: $0[3])))
        }
        return services.sorted { $0.position < $1.position }.map(\.service)
    }

    /// From the writer's cached services (`ServiceCache`); a read reads them.
    func service(named key: String) throws -> Service? {
        Service.named(key, in: try serviceCache?.services(allServices) ?? allServices())
    }

    func allWindows() throws -> [ServiceWindow] {
        try Array(
            Row.fetchCursor(db.cachedStatement(sql: "SELECT number, name, service_ids, paused FROM service_window ORDER BY number"))
                .map { ServiceWindow(number: $0[0], name: $0[1], serviceIDs: HallDatabase.splitIDs($0[2]), isPaused: $0[3]) })
    }

    func openWindowCount(serving serviceID: String) throws -> Int {
        guard let memo else { return try countOpenWindows(serving: serviceID) }
        return try memo.openWindowCount(serving: serviceID, in: db) { try countOpenWindows(serving: serviceID) }
    }

    private func countOpenWindows(serving serviceID: String) throws -> Int {
        var count = 0
        try String.fetchCursor(db.cachedStatement(sql: "SELECT service_ids FROM service_window WHERE paused = 0")).forEach {
            if HallDatabase.idList($0, contains: serviceID) { count += 1 }
        }
        return count
    }

    func save(window: ServiceWindow) throws {
        try db.cachedStatement(sql: "UPDATE service_window SET name = ?, service_ids = ?, paused = ? WHERE number = ?")
            .execute(arguments: [window.name, HallDatabase.joinIDs(window.serviceIDs), window.isPaused, window.number])
    }

    func ticket(id: Int64) throws -> Ticket? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.ticketColumns) FROM ticket WHERE id = ?"),
            arguments: [id]
        ).map(Self.ticket)
    }

    func ticket(number: String, day: LocalDay) throws -> Ticket? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.ticketColumns) FROM ticket WHERE day = ? AND number = ?"),
            arguments: [day.description, number]
        ).map(Self.ticket)
    }

    func tickets(day: LocalDay, states: Set<TicketState>) throws -> [Ticket] {
        let list = states.map(\.rawValue).sorted()
        let sql =
            "SELECT \(Self.ticketColumns) FROM ticket WHERE day = ? AND state IN (\(databaseQuestionMarks(count: list.count))) ORDER BY issued_at, id"
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments([day.description] + list))
            .map(Self.ticket)
    }

    /// One row kept by triggers (migrations v17-waiting-counts, v20-service-days), not a count.
    func serviceDay(_ day: LocalDay, serviceID: String) throws -> ServiceDay {
        guard let memo else { return try readServiceDay(day, serviceID: serviceID) }
        return try memo.serviceDay(day, serviceID: serviceID, in: db) { try readServiceDay(day, serviceID: serviceID) }
    }

    private func readServiceDay(_ day: LocalDay, serviceID: String) throws -> ServiceDay {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT waiting, priority, last_sequence FROM service_day WHERE day = ? AND service_id = ?"),
                arguments: [day.description, serviceID])
        else { return ServiceDay() }
        return ServiceDay(waiting: row[0], waitingPriority: row[1], lastSequence: row[2])
    }

    /// `CallPolicy.precedes` as a count: priority tickets first, then by issue time, then by id.
    private static let countAheadSQL = """
        SELECT COUNT(*) FROM ticket
        WHERE day = ? AND service_id = ? AND state = 'waiting' AND id != ?
          AND ((priority != 'normal') > ? OR ((priority != 'normal') = ? AND (issued_at < ? OR (issued_at = ? AND id < ?))))
        """

    func countAhead(of ticket: Ticket) throws -> Int {
        let priority = ticket.priority.isPriority ? 1 : 0
        let issued = ticket.issuedAt.timeIntervalSince1970
        return try Int.fetchOne(
            db.cachedStatement(sql: Self.countAheadSQL),
            arguments: [ticket.day.description, ticket.serviceID, ticket.id, priority, priority, issued, issued, ticket.id]) ?? 0
    }

    func ticketCounts(day: LocalDay) throws -> [TicketState: Int] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT state, COUNT(*) FROM ticket WHERE day = ? GROUP BY state"), arguments: [day.description])
        var counts: [TicketState: Int] = [:]
        for row in rows {
            if let state = TicketState(rawValue: row[0]) { counts[state] = row[1] }
        }
        return counts
    }

    func waitingCounts(day: LocalDay) throws -> [String: Int] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT service_id, waiting FROM service_day WHERE day = ? AND waiting > 0"),
            arguments: [day.description])
        return Dictionary(rows.map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
    }

    func insert(_ ticket: Ticket) throws -> Ticket {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO ticket (\(Self.ticketColumns)) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insert = { try statement.execute(arguments: Self.arguments(ticket)) }
        if let memo { try memo.inserted(ticket, in: db, insert: insert) } else { try insert() }
        var stored = ticket
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ ticket: Ticket) throws {
        try db.cachedStatement(
            sql: """
                UPDATE ticket SET day = ?, number = ?, sequence = ?, service_id = ?, issued_service_id = ?, priority = ?,
                    state = ?, issued_at = ?, called_at = ?, serving_at = ?, closed_at = ?, window_number = ?, recalls = ?,
                    transfers = ?, served_before_hold = ?
                WHERE id = ?
                """
        ).execute(arguments: Self.arguments(ticket) + [ticket.id])
    }

    func recentServiceSeconds(serviceID: String, limit: Int) throws -> [Double] {
        guard let memo else { return try readRecentServiceSeconds(serviceID: serviceID, limit: limit) }
        return try memo.recentServiceSeconds(serviceID: serviceID, limit: limit, in: db) {
            try readRecentServiceSeconds(serviceID: serviceID, limit: limit)
        }
    }

    private func readRecentServiceSeconds(serviceID: String, limit: Int) throws -> [Double] {
        try Double.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT served_before_hold + closed_at - serving_at FROM ticket
                    WHERE service_id = ? AND state = 'done' AND serving_at IS NOT NULL
                    ORDER BY closed_at DESC LIMIT ?
                    """), arguments: [serviceID, limit])
    }

    func append(_ event: HallEvent) throws -> HallEvent {
        guard let memo else { return try EventLog.append(event, in: db) }
        var stored = event
        try memo.unaffected(by: { stored = try EventLog.append(event, in: db) }, in: db)
        return stored
    }

    private static func arguments(_ t: Ticket) -> StatementArguments {
        [
            t.day.description, t.number, t.sequence, t.serviceID, t.issuedServiceID, t.priority.rawValue, t.state.rawValue,
            t.issuedAt.timeIntervalSince1970, t.calledAt?.timeIntervalSince1970, t.servingAt?.timeIntervalSince1970,
            t.closedAt?.timeIntervalSince1970, t.windowNumber, t.recalls, t.transfers, t.servedSecondsBeforeHold,
        ]
    }

    private static func ticket(_ row: Row) -> Ticket {
        var t = Ticket(
            id: row[0], number: row[2], day: LocalDay(row[1] as String)!, sequence: row[3], serviceID: row[4],
            priority: TicketPriority(rawValue: row[6]) ?? .normal, issuedAt: date(row[8])!)
        t.issuedServiceID = row[5]
        t.state = TicketState(rawValue: row[7]) ?? .waiting
        t.calledAt = date(row[9])
        t.servingAt = date(row[10])
        t.closedAt = date(row[11])
        t.windowNumber = row[12]
        t.recalls = row[13]
        t.transfers = row[14]
        t.servedSecondsBeforeHold = row[15]
        return t
    }

    private static func date(_ value: Double?) -> Date? { value.map { Date(timeIntervalSince1970: $0) } }
}
