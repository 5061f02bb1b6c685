import Foundation
import HallCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The hall's HTTP client to the hub: enrollment and batches, JSON over HTTPS (or HTTP on a
/// trusted link). The hub's certificate is checked against the system's trusted CAs, where the
/// installer puts the hub's CA (docs/hub.md).
struct HubClient: Sendable {
    let base: String
    let session: URLSession

    init(base: String, timeoutSeconds: Double = 15) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.timeoutIntervalForResource = timeoutSeconds * 2
        session = URLSession(configuration: configuration)
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
        guard let url = URL(string: "\(base)/\(path)") else { throw HubLinkError.badURL(base) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        if let secret { request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

/// Why a round of the link did not get its batch acknowledged.
enum HubLinkError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    /// No credential and no (valid) enrollment code.
    case notEnrolled(String)
    /// The hub refused: its code and message.
    case refused(status: Int, code: String, message: String)

    var description: String {
        switch self {
        case .badURL(let url): "中心地址无效：\(url)"
        case .notEnrolled(let why): "未接入中心：\(why)"
        case .refused(let status, let code, let message): "中心拒绝（\(status) \(code)）：\(message)"
        }
    }
}
