import AsyncHTTPClient
import Foundation
import HallCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// The hall's HTTP client to the hub: enrollment and batches, JSON over HTTPS (or HTTP on a
/// trusted link). The hub's certificate is checked against the banner's hub CA (`hub.caFile`),
/// or against the system's trusted CAs when none is configured (docs/hub.md).
struct HubClient: Sendable {
    let base: String
    /// The hub CA's certificate (PEM); empty: the system's trusted CAs.
    let caFile: String
    let timeout: TimeAmount
    /// The largest answer read from the hub (a page of publications is far below).
    static let maxAnswerBytes = 16 << 20

    init(base: String, caFile: String = "", timeoutSeconds: Int64 = 15) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.caFile = caFile
        timeout = .seconds(timeoutSeconds)
    }

    /// What the hub answered to a batch.
    enum BatchAnswer: Equatable {
        case acknowledged(SyncAcknowledgement)
        case refused(status: Int, HubRefusal)
    }

    /// A refusal's JSON body (`error`, `message`, and the numbers for a resynchronisation).
    struct HubRefusal: Codable, Equatable, Error {
        var error: String
        var message: String?
        var lastSend: Int64?
        var expectedAfter: Int64?
    }

    func enroll(_ request: HubEnrollmentRequest) async throws -> Result<HubEnrollmentGrant, HubRefusal> {
        let (status, data) = try await post("api/enroll", body: try HallJSON.encoder().encode(request), secret: nil)
        if status == 201 { return .success(try HallJSON.decoder().decode(HubEnrollmentGrant.self, from: data)) }
        return .failure(refusal(status, data))
    }

    func send(_ batch: SyncBatch, secret: String) async throws -> BatchAnswer {
        let path = "api/halls/\(batch.hall)/batches"
        let (status, data) = try await post(path, body: try HallJSON.encoder().encode(batch), secret: secret)
        if status == 200 { return .acknowledged(try HallJSON.decoder().decode(SyncAcknowledgement.self, from: data)) }
        return .refused(status: status, refusal(status, data))
    }

    /// The publications the hub has for `hall` that it has not reported on.
    func publications(hall: String, secret: String) async throws -> [HubPublication] {
        let (status, data) = try await request("GET", "api/halls/\(hall)/publications", body: nil, secret: secret)
        guard status == 200 else {
            let refused = refusal(status, data)
            throw HubLinkError.refused(status: status, code: refused.error, message: refused.message ?? "")
        }
        return try HallJSON.decoder().decode([HubPublication].self, from: data)
    }

    /// Reports whether publication `id` was applied.
    func report(_ report: HubPublicationReport, of id: Int64, hall: String, secret: String) async throws {
        let path = "api/halls/\(hall)/publications/\(id)/report"
        let (status, data) = try await request("POST", path, body: try HallJSON.encoder().encode(report), secret: secret)
        guard status == 204 else {
            let refused = refusal(status, data)
            throw HubLinkError.refused(status: status, code: refused.error, message: refused.message ?? "")
        }
    }

    private func refusal(_ status: Int, _ data: Data) -> HubRefusal {
        (try? HallJSON.decoder().decode(HubRefusal.self, from: data)) ?? HubRefusal(error: "http_\(status)")
    }

    private func post(_ path: String, body: Data, secret: String?) async throws -> (Int, Data) {
        try await request("POST", path, body: body, secret: secret)
    }

    private func request(_ method: String, _ path: String, body: Data?, secret: String?) async throws -> (Int, Data) {
        guard URL(string: "\(base)/\(path)") != nil else { throw HubLinkError.badURL(base) }
        var request = HTTPClientRequest(url: "\(base)/\(path)")
        request.method = HTTPMethod(rawValue: method)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        if let secret { request.headers.add(name: "Authorization", value: "Bearer \(secret)") }
        do {
            let response = try await HubHTTPClients.client(caFile: caFile).execute(request, timeout: timeout)
            let answer = try await response.body.collect(upTo: Self.maxAnswerBytes)
            return (Int(response.status.code), Data(answer.readableBytesView))
        } catch let error as NIOSSLError {
            throw HubLinkError.untrustedHub("\(error)")
        } catch let error as BoringSSLError {
            throw HubLinkError.untrustedHub("\(error)")
        }
    }
}

/// Why a round of the link did not get its batch acknowledged.
enum HubLinkError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    /// No credential and no (valid) enrollment code.
    case notEnrolled(String)
    /// The hub refused: its code and message.
    case refused(status: Int, code: String, message: String)
    /// The TLS handshake failed: the hub's certificate is not signed by the configured CA (or expired, or for another name).
    case untrustedHub(String)
    /// The hub CA's certificate file cannot be read or holds no certificate.
    case unreadableCA(String)

    var description: String {
        switch self {
        case .badURL(let url): "中心地址无效：\(url)"
        case .notEnrolled(let why): "未接入中心：\(why)"
        case .refused(let status, let code, let message): "中心拒绝（\(status) \(code)）：\(message)"
        case .untrustedHub(let why): "中心证书不受信任，请检查 hub.caFile 是否为本旗中心的 CA 证书（\(why)）"
        case .unreadableCA(let path): "无法读取中心 CA 证书：\(path)"
        }
    }
}
