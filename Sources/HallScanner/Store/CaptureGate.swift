/// Serialises the steps of every `CaptureStore` in the process that create or delete files, so
/// that deleting the last page pointing at a file never races with storing the same bytes again
/// (content addressing shares one file between identical pages).
actor CaptureGate {
    /// The process-wide gate.
    static let shared = CaptureGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone: no other gated body runs meanwhile.
    func run<T: Sendable, E: Error>(_ body: @Sendable () async throws(E) -> T) async throws(E) -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
