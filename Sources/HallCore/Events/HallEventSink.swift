/// Receives events after the write that produced them has been committed.
public protocol HallEventSink: Sendable {
    func publish(_ events: [HallEvent])
}

/// A sink that forwards to several sinks (event stream, displays, voice, …).
public struct FanOutEventSink: HallEventSink {
    private let sinks: [any HallEventSink]
    public init(_ sinks: [any HallEventSink]) { self.sinks = sinks }
    public func publish(_ events: [HallEvent]) {
        for sink in sinks { sink.publish(events) }
    }
}
