import Foundation

/// Slows down password guessing: after `freeFailures` failed sign-ins for the same key (a user
/// name, or a remote address), each further attempt is refused until a delay has passed; the
/// delay doubles with every further failure up to `maxDelaySeconds`. A success clears the key.
///
/// A value type with no clock of its own: the server keeps one behind a lock and passes `now`.
public struct LoginThrottle: Sendable {
    public struct Policy: Codable, Sendable, Equatable {
        public var freeFailures: Int
        public var baseDelaySeconds: Double
        public var maxDelaySeconds: Double

        public init(freeFailures: Int = 5, baseDelaySeconds: Double = 30, maxDelaySeconds: Double = 15 * 60) {
            self.freeFailures = freeFailures
            self.baseDelaySeconds = baseDelaySeconds
            self.maxDelaySeconds = maxDelaySeconds
        }

        /// The lock-out after `failures` consecutive failures (0 while under the free allowance).
        public func delay(afterFailures failures: Int) -> Double {
            guard failures >= freeFailures else { return 0 }
            let doublings = min(failures - freeFailures, 30)
            return min(maxDelaySeconds, baseDelaySeconds * pow(2, Double(doublings)))
        }
    }

    private struct Entry: Sendable {
        var failures: Int
        var lastFailure: Date
    }

    public let policy: Policy
    private var entries: [String: Entry] = [:]

    public init(policy: Policy) { self.policy = policy }

    /// Seconds the caller must still wait before `key` may try again (0: may try now).
    public func retryAfter(_ key: String, at now: Date) -> Int {
        guard let entry = entries[key] else { return 0 }
        let until = entry.lastFailure.addingTimeInterval(policy.delay(afterFailures: entry.failures))
        return until > now ? Int(until.timeIntervalSince(now).rounded(.up)) : 0
    }

    /// Throws `AccessError.throttled` when any of `keys` is locked out.
    public func check(_ keys: [String], at now: Date) throws {
        let wait = keys.map { retryAfter($0, at: now) }.max() ?? 0
        if wait > 0 { throw AccessError.throttled(retryAfterSeconds: wait) }
    }

    /// Counts a failed sign-in against every key.
    public mutating func recordFailure(_ keys: [String], at now: Date) {
        for key in keys {
            var entry = entries[key] ?? Entry(failures: 0, lastFailure: now)
            entry.failures += 1
            entry.lastFailure = now
            entries[key] = entry
        }
        // Forget keys idle for longer than the longest delay, so the table cannot grow without bound.
        if entries.count > 10_000 {
            entries = entries.filter { now.timeIntervalSince($0.value.lastFailure) < policy.maxDelaySeconds }
        }
    }

    /// A successful sign-in clears the user name's count (not the address's).
    public mutating func recordSuccess(_ key: String) {
        entries[key] = nil
    }
}
