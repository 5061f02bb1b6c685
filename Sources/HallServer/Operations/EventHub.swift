import Foundation
import HallCore
import Synchronization

/// Fans committed events out to every connected screen and console.
///
/// Each event is encoded once; each subscriber has its own bounded buffer, so one slow screen
/// never holds up the others (it loses the oldest messages and resynchronises from `/api/status`).
public final class EventHub: HallEventSink, Sendable {
    private let subscribers = Mutex([UUID: AsyncStream<String>.Continuation]())
    private let bufferSize: Int

    public init(bufferSize: Int = 256) {
        self.bufferSize = bufferSize
    }

    public func publish(_ events: [HallEvent]) {
        let messages = events.compactMap { try? HallJSON.string($0) }
        let targets = subscribers.withLock { Array($0.values) }
        for target in targets {
            for message in messages { target.yield(message) }
        }
    }

    /// A stream of encoded events from now on; it ends when the subscriber goes away.
    public func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Connected subscribers right now.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }
}
