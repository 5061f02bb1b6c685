import Hummingbird
import HummingbirdWebSocket
import Logging

/// The request context of every Hall route: core storage and the WebSocket handler slot for
/// `/ws/events`. The body size limit is enforced by `BodyLimitMiddleware` and `decodeJSON`.
public struct HallRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }
}
