import Foundation
import HallCore

/// The hall's time zone for the times and days hallctl prints, whatever the terminal's own zone:
/// `$HALL_QUEUE_TIME_ZONE_IDENTIFIER` (the variable halld reads for `queue.timeZoneIdentifier`,
/// so one setting serves both), else halld's default, Asia/Shanghai.
enum HallTimeZone {
    static let current: TimeZone = {
        let configured = ProcessInfo.processInfo.environment["HALL_QUEUE_TIME_ZONE_IDENTIFIER"]?.nonEmpty
        return QueueSettings(timeZoneIdentifier: configured ?? QueueSettings().timeZoneIdentifier).timeZone
    }()
}
