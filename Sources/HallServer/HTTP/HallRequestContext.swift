import HallCore
import Hummingbird
import HummingbirdWebSocket
import Logging

/// The request context of every Hall route: core storage, the WebSocket handler slot for
/// `/ws/events`, the peer's address and who is signed in (set by `AuthMiddleware`).
/// The body size limit is enforced by `BodyLimitMiddleware` and `decodeJSON`.
public struct HallRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    /// The client's IP address: the peer's, or the one a trusted proxy forwarded (`ForwardedHeadersMiddleware`).
    public internal(set) var remoteAddress: String?
    /// Whether the client reached halld over HTTPS (through a trusted proxy that terminates TLS).
    public internal(set) var isHTTPS = false
    /// The signed-in staff member or device, if any.
    public var principal: Principal?
    /// The presented bearer/cookie token (kept only for sign-out; never logged).
    var presentedToken: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The name to record as the actor of a queue action.
    public var actorName: String? { principal?.name }
}
