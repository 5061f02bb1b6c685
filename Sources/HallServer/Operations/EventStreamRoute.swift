import HallCore
import Hummingbird
import HummingbirdWebSocket

/// `GET /ws/events`: the WebSocket event stream for screens and consoles. Each message is one
/// `HallEvent` as JSON. The server only sends; what a client sends is read and ignored.
struct EventStreamRoute {
    let hub: EventHub

    func register(on router: Router<HallRequestContext>) {
        router.ws("ws/events") { inbound, outbound, _ in
            let events = hub.subscribe()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await _ in inbound {}
                }
                group.addTask {
                    for await message in events {
                        try await outbound.write(.text(message))
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
