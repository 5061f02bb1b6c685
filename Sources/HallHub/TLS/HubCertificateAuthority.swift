import Crypto
import Foundation
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#endif

/// The banner's own certificate authority for the link between its halls and its hub: made once at
/// install (`hall-hub make-certificates`), it signs the hub's certificate; each hall trusts only it
/// (`hub.caFile`). Keys are P-256; the authority's key stays on the hub's machine, readable by root.
public enum HubCertificateAuthority {
    /// A certificate and its private key, both PEM.
    public struct Pair: Sendable, Equatable {
        public var certificate: String
        public var privateKey: String

        public init(certificate: String, privateKey: String) {
            self.certificate = certificate
            self.privateKey = privateKey
        }
    }

    /// A new authority, valid `years` from now.
    public static func makeAuthority(name: String, years: Int = 20, now: Date = Date()) throws -> Pair {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName {
            CommonName(name)
            OrganizationName("Hall")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Double(years) * 365.25 * 86400),
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            },
            issuerPrivateKey: key)
        return Pair(certificate: try certificate.serializeAsPEM().pemString, privateKey: try key.serializeAsPEM().pemString)
    }

    /// The hub's server certificate for `hosts` (DNS names or IP addresses the halls use in
    /// `hub.url`), signed by `authority`, valid `years` from now.
    public static func issueServerCertificate(hosts: [String], authority: Pair, years: Int = 5, now: Date = Date()) throws -> Pair {
        guard let first = hosts.first else { throw HubCertificateError.noHost }
        let authorityCertificate = try Certificate(pemEncoded: authority.certificate)
        let authorityKey = try Certificate.PrivateKey(pemEncoded: authority.privateKey)
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let names = try hosts.map(generalName)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(Double(years) * 365.25 * 86400),
            issuer: authorityCertificate.subject, subject: try DistinguishedName { CommonName(first) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: key.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: try authorityCertificate.extensions.subjectKeyIdentifier?.keyIdentifier)
            },
            issuerPrivateKey: authorityKey)
        let chain = try certificate.serializeAsPEM().pemString + "\n" + authority.certificate
        return Pair(certificate: chain, privateKey: try key.serializeAsPEM().pemString)
    }

    /// An IP address as such, anything else as a DNS name (letters, digits, `-` and `.`).
    static func generalName(_ host: String) throws -> GeneralName {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v4) { ArraySlice($0) }))
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v6) { ArraySlice($0) }))
        }
        let allowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard allowed, !host.isEmpty, host.count <= 253 else { throw HubCertificateError.badHost(host) }
        return .dnsName(host.lowercased())
    }
}

/// Why a certificate could not be made.
public enum HubCertificateError: Error, CustomStringConvertible, Equatable {
    case noHost
    case badHost(String)

    public var description: String {
        switch self {
        case .noHost: "name at least one --host: the DNS name or IP address the halls use in hub.url"
        case .badHost(let host): "\(host) is neither an IP address nor a DNS name"
        }
    }
}
