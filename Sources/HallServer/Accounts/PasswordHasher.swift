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

    /// The cost a bcrypt hash was made with (`$2b$10$…` → 10), nil when it is not one.
    static func cost(of hash: String) -> Int? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[1].hasPrefix("2") else { return nil }
        return Int(parts[2])
    }

    /// True when `hash` was made with another cost than the configured one.
    func needsRehash(_ hash: String) -> Bool {
        Self.cost(of: hash).map { $0 != cost } ?? false
    }

    /// Hashes synchronously (first-start bootstrap, before the server runs).
    func hashNow(_ password: String) -> String { Bcrypt.hash(password, cost: UInt8(cost)) }
}
