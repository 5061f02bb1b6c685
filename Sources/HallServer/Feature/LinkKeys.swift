import Crypto
import Foundation
import HallStore

/// Unguessable keys for the links residents hold (a ticket's QR code, a case's receipt): an
/// HMAC-SHA256 of the record's kind and id under a secret the hall generates once and keeps in its
/// database. Only the printed slip carries the key, so a sequential id or case number alone opens
/// nothing. Nothing is stored per record.
public struct LinkKeys: Sendable {
    private let key: SymmetricKey
    /// What the ids number, e.g. `ticket` or `case`: the same id of two kinds has two keys.
    public let kind: String

    /// The name of the secret in the database.
    static let secretName = "ticket-link-key"

    /// Loads (creating on first use) the hall's link secret.
    public init(database: HallDatabase, kind: String) throws {
        key = SymmetricKey(data: try database.secret(named: Self.secretName))
        self.kind = kind
    }

    /// The key of record `id`: 16 bytes of HMAC, base64url (22 characters).
    public func key(for id: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(id)".utf8), using: key)
        return Data(Data(mac).prefix(16)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether `presented` is record `id`'s key (constant-time comparison).
    public func verify(_ presented: String, for id: Int64) -> Bool {
        let expected = Array(key(for: id).utf8), given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
