import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and verification, run off the async executors (bcrypt is deliberately slow).
struct PasswordHasher: Sendable {
    let cost: Int

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Hashes synchronously (first-start bootstrap, before the server runs).
    func hashNow(_ password: String) -> String { Bcrypt.hash(password, cost: UInt8(cost)) }
}
