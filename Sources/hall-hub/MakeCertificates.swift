import ArgumentParser
import Foundation
import HallHub

#if canImport(Glibc)
    import Glibc
#endif

/// `hall-hub make-certificates`: the banner's hub CA (made once, kept) and the hub's TLS
/// certificate for the names the halls use, written where `listen.certificateFile` and
/// `listen.keyFile` point by default. Run again to renew the hub's certificate with the same CA.
struct MakeCertificates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-certificates",
        abstract: "Make the hub CA (once) and the hub's TLS certificate; the halls trust ca.crt (hub.caFile).")
    @Option(help: "Folder for ca.crt, ca.key, hub.crt and hub.key.") var dir = "/etc/hall/hub-tls"
    @Option(name: .customLong("host"), help: "A DNS name or IP address the halls use in hub.url (repeatable).")
    var hosts: [String] = []
    @Option(help: "The CA's name, shown in its certificate.") var name = "Hall hub CA"
    @Option(help: "Owner group of hub.key (the hub's service group), when it exists.") var group = "hall-hub"

    func run() async throws {
        let folder = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (caCertificate, caKey) = (folder.appendingPathComponent("ca.crt"), folder.appendingPathComponent("ca.key"))
        let authority: HubCertificateAuthority.Pair
        if let certificate = try? String(contentsOf: caCertificate, encoding: .utf8), let key = try? String(contentsOf: caKey, encoding: .utf8) {
            authority = HubCertificateAuthority.Pair(certificate: certificate, privateKey: key)
            print("using the existing CA in \(dir)")
        } else {
            authority = try HubCertificateAuthority.makeAuthority(name: name)
            try write(authority.privateKey, to: caKey, mode: 0o600)
            try write(authority.certificate, to: caCertificate, mode: 0o644)
            print("made a new CA: \(caCertificate.path) (copy it to every hall), \(caKey.path) (keep it here)")
        }
        let hub: HubCertificateAuthority.Pair
        do { hub = try HubCertificateAuthority.issueServerCertificate(hosts: hosts, authority: authority) } catch let error as HubCertificateError {
            throw ValidationError(error.description)
        }
        let hubKey = folder.appendingPathComponent("hub.key")
        try write(hub.privateKey, to: hubKey, mode: 0o640)
        if let gid = getgrnam(group)?.pointee.gr_gid { _ = chown(hubKey.path, 0, gid) }
        try write(hub.certificate, to: folder.appendingPathComponent("hub.crt"), mode: 0o644)
        print("hub certificate for \(hosts.joined(separator: ", ")): \(dir)/hub.crt, \(dir)/hub.key")
        print("in /etc/hall/hub.json: \"listen\": {\"certificateFile\": \"\(dir)/hub.crt\", \"keyFile\": \"\(dir)/hub.key\"}")
    }

    /// Writes `text` readable only as `mode` allows from its first byte (no window with wider rights).
    private func write(_ text: String, to url: URL, mode: mode_t) throws {
        try? FileManager.default.removeItem(at: url)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw ValidationError("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count else { throw ValidationError("cannot write \(url.path)") }
        _ = fchmod(fd, mode)
    }
}
