import Foundation
import Synchronization

/// How often an anonymous client may have a call spoken (`/api/voice`): each phrase is synthesised
/// once and cached, so a hall screen needs few; a client asking for many is refused for a while.
final class VoiceRateLimit: Sendable {
    /// Phrases per address per minute.
    let perMinute: Int
    private let windows = Mutex([String: (start: Date, count: Int)]())

    init(perMinute: Int = 60) {
        self.perMinute = perMinute
    }

    /// Counts a request from `address` at `now`; the seconds to wait when it is one too many.
    func admit(_ address: String, at now: Date) -> Int? {
        windows.withLock { windows in
            if windows.count > 10_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 } }
            var window: (start: Date, count: Int) = windows[address].flatMap { now.timeIntervalSince($0.start) < 60 ? $0 : nil } ?? (now, 0)
            guard window.count < perMinute else { return max(1, 60 - Int(now.timeIntervalSince(window.start))) }
            window.count += 1
            windows[address] = window
            return nil
        }
    }
}
