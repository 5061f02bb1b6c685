import Foundation
import GRDB

extension HallDatabase {
    /// A secret the hall generates once and keeps in its database (so it survives restarts and
    /// travels with backups), e.g. the key that signs ticket QR links. 32 random bytes from the
    /// system's generator, created on first use.
    public func secret(named name: String) throws -> Data {
        try pool.write { db in
            if let existing = try Data.fetchOne(db, sql: "SELECT value FROM hall_secret WHERE name = ?", arguments: [name]) {
                return existing
            }
            var generator = SystemRandomNumberGenerator()
            let value = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            try db.execute(sql: "INSERT INTO hall_secret (name, value) VALUES (?, ?)", arguments: [name, value])
            return value
        }
    }
}
