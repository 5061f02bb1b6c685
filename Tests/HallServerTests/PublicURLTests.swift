import Foundation
import HallServer
import HummingbirdTesting
import Testing

/// Where residents' QR codes point: the configured public URL, or where halld listens; a loopback
/// address printed by a real ticket printer is a fault /healthz names.
@Suite("The public URL of QR codes")
struct PublicURLTests {
    @Test("unset, it follows listen.host and listen.port; on every interface, the machine's LAN address")
    func followsTheListenAddress() {
        var configuration = HallConfiguration.demo
        #expect(configuration.center.publicBaseURL.isEmpty)
        configuration.listen.host = "127.0.0.1"
        configuration.listen.port = 9000
        #expect(configuration.effectivePublicBaseURL == "http://127.0.0.1:9000")
        configuration.listen.host = "192.168.5.20"
        configuration.listen.port = 8080
        #expect(configuration.effectivePublicBaseURL == "http://192.168.5.20:8080")
        configuration.listen.host = "0.0.0.0"
        let host = URLComponents(string: configuration.effectivePublicBaseURL)?.host ?? ""
        #expect(host != "0.0.0.0" && !host.isEmpty, "\(configuration.effectivePublicBaseURL)")
        configuration.center.publicBaseURL = "https://hall.example.cn"
        #expect(configuration.effectivePublicBaseURL == "https://hall.example.cn")
    }

    @Test("a real ticket printer with a loopback public URL degrades /healthz, which shows the URL tickets carry")
    func loopbackWithARealPrinter() async throws {
        let (server, folder) = try makeServer {
            $0.hardware.ticketPrinter.transport = .tcp
            $0.hardware.ticketPrinter.address = "127.0.0.1:9"
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.router) { client in
            let (_, body) = try await client.send(.get, "/healthz")
            #expect(body.contains(#""publicURL":"http:\/\/127.0.0.1:8080""#) || body.contains(#""publicURL":"http://127.0.0.1:8080""#), "\(body)")
            #expect(body.contains(#""name":"public-url","ok":false"#) && body.contains("center.publicBaseURL"), "\(body)")
        }
        let (lan, lanFolder) = try makeServer {
            $0.hardware.ticketPrinter.transport = .tcp
            $0.hardware.ticketPrinter.address = "127.0.0.1:9"
            $0.center.publicBaseURL = "http://192.168.5.20:8080"
        }
        defer { try? FileManager.default.removeItem(at: lanFolder) }
        try await lan.makeApplication(port: 0).test(.router) { client in
            let (_, body) = try await client.send(.get, "/healthz")
            #expect(!body.contains("public-url") && body.contains("192.168.5.20"), "\(body)")
        }
    }
}
