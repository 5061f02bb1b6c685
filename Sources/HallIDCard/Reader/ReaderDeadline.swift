import Foundation

/// A point `milliseconds` from its creation on the monotonic clock.
struct ReaderDeadline: Sendable {
    private let end: UInt64

    init(milliseconds: Int) {
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, milliseconds)) &* 1_000_000
    }

    /// Milliseconds left, rounded up; zero once passed.
    var remainingMilliseconds: Int {
        let now = DispatchTime.now().uptimeNanoseconds
        guard end > now else { return 0 }
        return Int((end - now + 999_999) / 1_000_000)
    }

    var hasPassed: Bool { remainingMilliseconds == 0 }
}
