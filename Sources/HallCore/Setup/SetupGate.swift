/// The setup code's life: open with its code until setup completes, then void for good.
/// A value with no clock or lock: the server keeps one behind a lock (throttling is the sign-in
/// throttle's, `LoginThrottle`).
public struct SetupGate: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// Waiting for setup with this code.
        case open(SetupCode)
        /// Setup was completed; no code is accepted any more.
        case done
    }

    public private(set) var state: State

    public init(code: SetupCode) { state = .open(code) }

    /// A gate for a hall that is already set up.
    public static var closed: SetupGate {
        var gate = SetupGate(code: SetupCode(characters: []))
        gate.state = .done
        return gate
    }

    /// Throws `SetupError.alreadyDone` once setup is complete and `wrongCode` for any other code.
    public func admit(_ typed: String) throws {
        switch state {
        case .done: throw SetupError.alreadyDone
        case .open(let code): guard code.matches(typed) else { throw SetupError.wrongCode }
        }
    }

    /// Voids the code: setup is complete.
    public mutating func complete() { state = .done }
}
