import Synchronization

/// Runs work in a task of its own and answers within a deadline, whether or not the work has
/// finished: for calls into libraries that can wait for ever (a database connection lost at the
/// wrong moment). Work still running at the deadline is cancelled and left to end on its own.
enum Deadline {
    static func run<T: Sendable>(
        seconds: Double, onTimeout: @autoclosure @escaping @Sendable () -> any Error,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let answer = Answer<T>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.set(continuation)
            let task = Task {
                do { answer.give(.success(try await work())) } catch { answer.give(.failure(error)) }
            }
            Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                if answer.give(.failure(onTimeout())) { task.cancel() }
            }
        }
    }

    /// Resumes the caller once, with whichever comes first.
    private final class Answer<T: Sendable>: Sendable {
        private let state = Mutex<(continuation: CheckedContinuation<T, any Error>?, given: Bool)>((nil, false))

        func set(_ continuation: CheckedContinuation<T, any Error>) { state.withLock { $0.continuation = continuation } }

        /// False when the caller was already answered.
        @discardableResult
        func give(_ result: Result<T, any Error>) -> Bool {
            let continuation = state.withLock { s -> CheckedContinuation<T, any Error>? in
                guard !s.given else { return nil }
                s.given = true
                return s.continuation
            }
            continuation?.resume(with: result)
            return continuation != nil
        }
    }
}
