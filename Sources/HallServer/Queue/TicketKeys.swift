import HallStore

/// The keys of tickets' QR links (`/t/?id=<id>&k=<key>`): only the ticket holder can rate on the
/// QR page; the sequential id alone gives read-only status.
public typealias TicketKeys = LinkKeys

extension LinkKeys {
    /// The ticket keys of the hall.
    public static func tickets(_ database: HallDatabase) throws -> LinkKeys { try LinkKeys(database: database, kind: "ticket") }

    /// The path of ticket `id`'s status page with its key, below the public base URL.
    public func statusPath(for id: Int64) -> String { "/t/?id=\(id)&k=\(key(for: id))" }
}
