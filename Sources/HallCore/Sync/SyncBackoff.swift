/// How long the hall waits before trying the hub again after `failures` failed attempts in a
/// row: doubling from `initial`, never above `maximum`.
public struct SyncBackoff: Sendable, Equatable {
    public var initialSeconds: Double
    public var maximumSeconds: Double

    public init(initialSeconds: Double = 1, maximumSeconds: Double = 300) {
        self.initialSeconds = initialSeconds
        self.maximumSeconds = max(initialSeconds, maximumSeconds)
    }

    /// Seconds to wait after `failures` (≥ 1) consecutive failures; 0 for none.
    public func delay(afterFailures failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        let exponent = min(failures - 1, 40)
        return min(maximumSeconds, initialSeconds * Double(1 << exponent))
    }
}
