import Foundation
import HallCore
import Hummingbird

/// The banner's API: sign-in, banner accounts, hall enrollment and the audit. Each route asks
/// `BannerGate` for its permission; each change is audited by the store.
struct BannerRoutes: Sendable {
    let store: HubStore
    let gate: BannerGate
    let accounts: BannerAccountService
    /// Largest accepted publication.
    let maxBytes: Int

    func register(on router: Router<HubRequestContext>) {
        router.post("api/session") { request, context in
            let signIn = try await HubJSON.decode(BannerSignIn.self, from: request, limit: 16_384)
            let (account, token) = try await gate.sessions.signIn(
                username: signIn.username, password: signIn.password, address: context.remoteAddress)
            var response = try HubJSON.response(account)
            response.headers[.setCookie] = gate.cookie(token, context: context)
            return response
        }
        router.get("api/session") { request, _ in
            try HubJSON.response(try await gate.require(.oversee, request))
        }
        router.delete("api/session") { request, context in
            let account = try await gate.require(.oversee, request)
            if let token = BannerGate.token(request) {
                try await gate.sessions.signOut(token: token, account: account, address: context.remoteAddress)
            }
            return Response(status: .noContent, headers: [.setCookie: gate.clearedCookie(context: context)])
        }
        router.get("api/accounts") { request, _ in
            _ = try await gate.require(.manageAccounts, request)
            return try HubJSON.response(try await store.accounts())
        }
        router.post("api/accounts") { request, context in
            let actor = try await gate.require(.manageAccounts, request)
            let creation = try await HubJSON.decode(BannerAccountCreation.self, from: request, limit: 16_384)
            return try HubJSON.response(try await accounts.create(creation, by: actor, address: context.remoteAddress), status: .created)
        }
        router.patch("api/accounts/:username") { request, context in
            let actor = try await gate.require(.manageAccounts, request)
            let change = try await HubJSON.decode(BannerAccountChange.self, from: request, limit: 16_384)
            let username = context.parameters.get("username") ?? ""
            return try HubJSON.response(try await accounts.change(username, change, by: actor, address: context.remoteAddress))
        }
        router.get("api/halls") { request, _ in
            _ = try await gate.require(.oversee, request)
            return try HubJSON.response(try await store.halls())
        }
        router.post("api/halls") { request, context in
            let actor = try await gate.require(.enrollHalls, request)
            let registration = try await HubJSON.decode(BannerHallRegistration.self, from: request, limit: 16_384)
            let name = registration.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...64).contains(name.count), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw HubError.badRequest("大厅名称须为 1–64 个字")
            }
            let code = try await store.issueEnrollmentCode(
                hall: registration.hall, name: name, issuedBy: actor.username, address: context.remoteAddress)
            return try HubJSON.response(BannerHallCode(hall: registration.hall, code: code), status: .created)
        }
        router.get("api/publications") { request, _ in
            _ = try await gate.require(.oversee, request)
            return try HubJSON.response(try await store.publications())
        }
        router.post("api/publications/:kind") { request, context in
            let actor = try await gate.require(.publish, request)
            guard let kind = context.parameters.get("kind").flatMap(HubPublicationKind.init(rawValue:)) else {
                throw HubError.badRequest("只能发布 catalog 或 calendar")
            }
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: maxBytes) } catch { throw HubError.badRequest("请求过大") }
            let published = try await store.publish(kind, content: Data(buffer: buffer), by: actor.username, address: context.remoteAddress)
            return try HubJSON.response(
                HubPublicationSummary(
                    id: published.id, kind: kind.rawValue, label: published.label, publishedBy: actor.username,
                    publishedAt: published.publishedAt), status: .created)
        }
        router.get("api/audit") { request, _ in
            _ = try await gate.require(.oversee, request)
            return try HubJSON.response(try await store.auditTrail())
        }
    }
}
