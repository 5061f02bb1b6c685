import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization

/// The request context of every Hall route: core storage, the body size limit, and the
/// WebSocket handler slot for `/ws/events`.
public struct HallRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    /// Set by the application from configuration before the router runs.
    public var maxUploadSize: Int { HallRequestContext.bodyLimit.withLock { $0 } }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }

    /// Process-wide request body limit (one server per process).
    static let bodyLimit = Mutex(1 << 20)
}
