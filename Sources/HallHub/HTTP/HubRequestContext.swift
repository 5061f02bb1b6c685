import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The request context of the hub's routes: the peer's address (or the one a trusted proxy
/// forwarded, `HubForwardedHeaders`) and whether the client came over HTTPS.
public struct HubRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, which keys the sign-in throttle and goes into the audit.
    public internal(set) var remoteAddress: String?
    /// Whether the client reached the hub over HTTPS (through the proxy that terminates TLS).
    public internal(set) var isHTTPS = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// Believes `X-Forwarded-For` and `X-Forwarded-Proto` only from `trustedProxies` (nginx on the
/// hub's machine); from any other peer the headers are ignored. When the hub serves TLS itself,
/// every request came over HTTPS.
struct HubForwardedHeaders: RouterMiddleware {
    typealias Context = HubRequestContext
    let trustedProxies: Set<String>
    let servesTLS: Bool
    private static let forwardedFor = HTTPField.Name("X-Forwarded-For")
    private static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.isHTTPS = servesTLS
        guard let peer = context.remoteAddress, trustedProxies.contains(peer) else { return try await next(request, context) }
        // The proxy appends the address it saw last: the right-most entry is the one it vouches for.
        if let name = Self.forwardedFor, let forwarded = request.headers[name]?.split(separator: ",").last {
            let client = forwarded.trimmingCharacters(in: .whitespaces)
            if !client.isEmpty, client.count <= 45 { context.remoteAddress = client }
        }
        context.isHTTPS = servesTLS || Self.forwardedProto.flatMap { request.headers[$0] }?.lowercased() == "https"
        return try await next(request, context)
    }
}
