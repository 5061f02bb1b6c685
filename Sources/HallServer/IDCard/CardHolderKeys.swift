import Crypto
import Foundation
import HallCore
import HallStore

/// The keyed hash of an ID number behind the per-person limits: HMAC-SHA256 under the configured
/// secret or one the hall generates once and keeps in its database. The number is never stored;
/// without the secret a key cannot be tied back to it (unlike a plain hash of 18 digits, which can
/// be reversed by trying every number).
struct CardHolderKeys: Sendable {
    private let key: SymmetricKey

    /// The name of the generated secret in the database.
    static let secretName = "idcard-person-key"

    init(database: HallDatabase, configuredSecret: String) throws {
        if configuredSecret.isEmpty {
            key = SymmetricKey(data: try database.secret(named: Self.secretName))
        } else {
            key = SymmetricKey(data: Data(SHA256.hash(data: Data(configuredSecret.utf8))))
        }
    }

    /// The key of the holder of `idNumber` (64 hex digits).
    func key(for idNumber: ChineseIDNumber) -> CardHolderKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("idcard:\(idNumber.value)".utf8), using: key)
        return CardHolderKey(rawValue: Data(mac).map { String(format: "%02x", $0) }.joined())
    }
}
