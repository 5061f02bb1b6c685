import HallCore
import HallStore

/// The keys of cases' public status links (`/api/cases/<number>/status?k=<key>`), printed as a QR
/// code on the acceptance notice and the home-visit receipt: a resident sees how their case stands
/// with the key; a case number or id alone opens nothing.
public typealias CaseKeys = LinkKeys

extension LinkKeys {
    /// The case keys of the hall.
    public static func cases(_ database: HallDatabase) throws -> LinkKeys { try LinkKeys(database: database, kind: "case") }

    /// The path of case `c`'s public status with its key, below the public base URL.
    public func statusPath(for c: Case) -> String { "/api/cases/\(c.number ?? String(c.id))/status?k=\(key(for: c.id))" }
}
