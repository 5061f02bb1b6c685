import Foundation
import HallCore

/// Records the events a service publishes (thread-safe), for checks in tests of any target.
public final class RecordingSink: HallEventSink, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HallEvent] = []

    public init() {}

    public func publish(_ events: [HallEvent]) { lock.withLock { recorded += events } }

    /// Every event published so far, oldest first.
    public var all: [HallEvent] { lock.withLock { recorded } }
    /// Their types, oldest first.
    public var types: [EventType] { all.map(\.type) }
    /// The events of one type.
    public func of(_ type: EventType) -> [HallEvent] { all.filter { $0.type == type } }
}
