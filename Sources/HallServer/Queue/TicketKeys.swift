import Crypto
import Foundation
import HallCore
import HallStore

/// The unguessable per-ticket key of the QR link (`/t/?id=<id>&k=<key>`): an HMAC-SHA256 of the
/// ticket id under a secret the hall generates once and keeps in its database. Only the printed
/// ticket carries it, so only the ticket holder can rate on the QR page; the sequential id alone
/// (old `?id=` links) gives read-only status. Nothing is stored per ticket.
public struct TicketKeys: Sendable {
    private let key: SymmetricKey

    /// The name of the secret in the database.
    static let secretName = "ticket-link-key"

    /// Loads (creating on first use) the hall's link secret.
    public init(database: HallDatabase) throws {
        key = SymmetricKey(data: try database.secret(named: Self.secretName))
    }

    /// The key of ticket `id`: 16 bytes of HMAC, base64url (22 characters).
    public func key(for id: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("ticket:\(id)".utf8), using: key)
        return Data(Data(mac).prefix(16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether `presented` is ticket `id`'s key (constant-time comparison).
    public func verify(_ presented: String, for id: Int64) -> Bool {
        let expected = Array(key(for: id).utf8), given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The path of the ticket's status page with its key, below the public base URL.
    public func statusPath(for id: Int64) -> String { "/t/?id=\(id)&k=\(key(for: id))" }
}
