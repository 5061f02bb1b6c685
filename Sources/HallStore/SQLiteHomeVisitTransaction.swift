import Foundation
import GRDB
import HallCore

/// `HomeVisitTransaction` over one GRDB connection inside a transaction. A visit is stored as Hall
/// JSON; its number, state, request day and case are columns next to the body.
struct SQLiteHomeVisitTransaction: HomeVisitTransaction, SQLiteReferenceData {
    let db: Database

    func visit(id: Int64) throws -> HomeVisit? {
        try db.records(HomeVisit.self, "SELECT id, body FROM home_visit WHERE id = ?", [id]).first
    }

    func visit(number: String) throws -> HomeVisit? {
        try db.records(HomeVisit.self, "SELECT id, body FROM home_visit WHERE number = ?", [number]).first
    }

    func visits(states: Set<HomeVisitState>) throws -> [HomeVisit] {
        let list = states.map(\.rawValue).sorted()
        guard !list.isEmpty else { return [] }
        return try db.records(
            HomeVisit.self, "SELECT id, body FROM home_visit WHERE state IN (\(databaseQuestionMarks(count: list.count))) ORDER BY id",
            StatementArguments(list))
    }

    func visitCount(requestedOn day: LocalDay) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM home_visit WHERE requested_day = ?"), arguments: [day.description]) ?? 0
    }

    func insert(_ visit: HomeVisit) throws -> HomeVisit {
        try db.cachedStatement(sql: "INSERT INTO home_visit (number, state, requested_day, case_id, body) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: try Self.columns(visit))
        var stored = visit
        stored.id = db.lastInsertedRowID
        return stored
    }

    func update(_ visit: HomeVisit) throws {
        try db.cachedStatement(sql: "UPDATE home_visit SET number = ?, state = ?, requested_day = ?, case_id = ?, body = ? WHERE id = ?")
            .execute(arguments: try Self.columns(visit) + [visit.id])
        guard db.changesCount == 1 else { throw HomeVisitError.unknownVisit("#\(visit.id)") }
    }

    private static func columns(_ v: HomeVisit) throws -> StatementArguments {
        [v.number, v.state.rawValue, v.requestedOn.description, v.caseID, try HallJSON.string(v)]
    }
}
