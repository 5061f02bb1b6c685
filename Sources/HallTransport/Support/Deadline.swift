import Foundation

/// A point on the monotonic clock by which an operation must finish.
struct Deadline: Sendable {
    private let end: UInt64

    /// A deadline `milliseconds` from now (negative counts as zero).
    init(milliseconds: Int) {
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, milliseconds)) &* 1_000_000
    }

    /// Milliseconds left, rounded up, zero when passed.
    var remainingMilliseconds: Int {
        let now = DispatchTime.now().uptimeNanoseconds
        guard end > now else { return 0 }
        return Int((end - now + 999_999) / 1_000_000)
    }

    /// True once the deadline has passed.
    var hasPassed: Bool { remainingMilliseconds == 0 }
}
