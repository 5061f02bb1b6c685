import HummingbirdTLS
import NIOSSL

/// The hub's TLS server settings, read from the PEM files `listen.certificateFile` and
/// `listen.keyFile` name: TLS 1.2 or later, NIOSSL's default ciphers.
enum HubServerTLS {
    static func configuration(_ listen: HubConfiguration.Listen) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(listen.certificateFile)
        let key = try NIOSSLPrivateKey(file: listen.keyFile, format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        tls.minimumTLSVersion = .tlsv12
        return tls
    }
}
