import Foundation
import GRDB
import HallCore

/// A record kept as a JSON body next to its row id (the row id is its identifier).
protocol StoredRecord: Decodable {
    var id: Int64 { get set }
}

extension AppointmentSlot: StoredRecord {}
extension Appointment: StoredRecord {}
extension BookingSuspension: StoredRecord {}
extension HomeVisit: StoredRecord {}

extension Database {
    /// Records from rows of `(id, body)`.
    func records<T: StoredRecord>(_ type: T.Type, _ sql: String, _ arguments: StatementArguments = []) throws -> [T] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments).map { row in
            var record = try HallJSON.decoder().decode(T.self, from: Data((row[1] as String).utf8))
            record.id = row[0]
            return record
        }
    }
}
