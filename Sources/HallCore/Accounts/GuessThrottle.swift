import Foundation

/// Slows down guessing of a secret — a password, a setup code, a device pairing code — the way
/// sign-in is throttled: failures are counted per key (a user name, or what the code is for) and
/// per remote address, each with its own `LoginThrottle`; past either allowance every attempt is
/// refused until the delay has passed. A success clears the key's count, not the address's.
///
/// A value with no clock or lock of its own: the server keeps one behind a lock and passes `now`.
public struct GuessThrottle: Sendable {
    private var keys: LoginThrottle
    private var addresses: LoginThrottle

    /// - Parameters:
    ///   - perKey: the allowance and delays per key.
    ///   - perAddress: the same per remote address (usually a larger allowance: a shared PC).
    public init(perKey: LoginThrottle.Policy, perAddress: LoginThrottle.Policy) {
        keys = LoginThrottle(policy: perKey)
        addresses = LoginThrottle(policy: perAddress)
    }

    /// Throws `AccessError.throttled` while `key` or `address` is locked out.
    public func check(key: String, address: String?, at now: Date) throws {
        try keys.check([key], at: now)
        try addresses.check([Self.addressKey(address)], at: now)
    }

    /// Counts a failed attempt against `key` and `address`.
    public mutating func recordFailure(key: String, address: String?, at now: Date) {
        keys.recordFailure([key], at: now)
        addresses.recordFailure([Self.addressKey(address)], at: now)
    }

    /// A success clears `key`'s count (an address that guessed before stays counted).
    public mutating func recordSuccess(key: String) {
        keys.recordSuccess(key)
    }

    static func addressKey(_ address: String?) -> String { address ?? "unknown" }
}
