import AsyncHTTPClient
import NIOSSL
import Synchronization

/// The HTTP clients of the hub link, one per trust setting, kept for the life of the process (as
/// `HTTPClient.shared` is): a client holds connections and must be shut down before it goes,
/// which a process-wide client never needs. A changed CA file takes effect at the next start.
enum HubHTTPClients {
    private static let clients = Mutex<[String: HTTPClient]>([:])

    /// The client that trusts only the CA in `caFile` (PEM), or the system's CAs when it is empty.
    static func client(caFile: String) throws(HubLinkError) -> HTTPClient {
        try clients.withLock { clients throws(HubLinkError) in
            if let client = clients[caFile] { return client }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            if !caFile.isEmpty {
                guard let roots = try? NIOSSLCertificate.fromPEMFile(caFile), !roots.isEmpty else { throw .unreadableCA(caFile) }
                tls.trustRoots = .certificates(roots)
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: HTTPClient.Configuration(tlsConfiguration: tls))
            clients[caFile] = client
            return client
        }
    }
}
