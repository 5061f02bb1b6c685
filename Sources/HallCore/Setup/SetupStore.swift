/// Where the setup record lives (the hall's SQLite database).
public protocol SetupStore: Sendable {
    /// The completed setup, nil while the hall is fresh (or was configured by file alone).
    func setupRecord() async throws -> SetupRecord?
    /// Stores `record` and creates the first administrator with `passwordHash`, in one transaction;
    /// throws `SetupError.alreadyDone` when a setup record or any account exists already.
    func complete(_ record: SetupRecord, admin: StaffAccount, passwordHash: String) async throws
}
