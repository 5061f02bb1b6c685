import Foundation
import HallCore
import Synchronization

/// The server's throttle of secret guessing — passwords at sign-in, the setup code, device pairing
/// codes — one `GuessThrottle` behind a lock with the `accounts.throttle…` policy: failures count per
/// key and per remote address, and past the allowance attempts are refused with 429 and a delay that
/// doubles up to the maximum.
final class AttemptThrottle: Sendable {
    private let state: Mutex<GuessThrottle>

    init(_ accounts: HallConfiguration.Accounts) {
        state = Mutex(
            GuessThrottle(
                perKey: .init(
                    freeFailures: accounts.throttleFreeFailures, baseDelaySeconds: accounts.throttleBaseDelaySeconds,
                    maxDelaySeconds: accounts.throttleMaxDelaySeconds),
                perAddress: .init(
                    freeFailures: accounts.throttleFreeFailuresPerAddress, baseDelaySeconds: accounts.throttleBaseDelaySeconds,
                    maxDelaySeconds: accounts.throttleMaxDelaySeconds)))
    }

    /// Throws `AccessError.throttled` while `key` or `address` is locked out.
    func check(key: String, address: String?, at now: Date) throws {
        try state.withLock { try $0.check(key: key, address: address, at: now) }
    }

    func recordFailure(key: String, address: String?, at now: Date) {
        state.withLock { $0.recordFailure(key: key, address: address, at: now) }
    }

    func recordSuccess(key: String) {
        state.withLock { $0.recordSuccess(key: key) }
    }
}
