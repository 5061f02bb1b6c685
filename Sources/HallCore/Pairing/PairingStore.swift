import Foundation

/// Where pairing codes and paired devices live (the hall's SQLite database).
public protocol PairingStore: Sendable {
    /// Stores a new ticket unless `PairingRules.checkPending` refuses (codes unused at `now`);
    /// returns false when an unexpired or recent ticket already has the same code hash (draw another).
    func issue(_ ticket: PairingTicket, at now: Date) async throws -> Bool
    /// In one transaction: looks the ticket up by its code hash, lets `claim` decide (it returns the
    /// ticket marked used, or throws), marks it used and creates the device with `tokenHash`.
    func pair(
        codeHash: String, tokenHash: String, at now: Date,
        claim: @escaping @Sendable (PairingTicket?) throws -> PairingTicket
    ) async throws -> PairedDevice
    /// Every paired device, revoked ones too, newest first.
    func devices() async throws -> [PairedDevice]
    /// Revokes device `id`: throws `PairingError.unknownDevice` or `alreadyRevoked`.
    func revoke(_ id: String, by actor: String, at now: Date) async throws -> PairedDevice
    /// Records the device's last contact.
    func touch(_ id: String, at now: Date) async throws
}
