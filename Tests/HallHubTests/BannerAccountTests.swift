import Foundation
import HallCore
import HallHub
import Testing

/// Banner accounts on a real hub over a real PostgreSQL: the first administrator, sign-in with a
/// session cookie, roles and the ceiling enforced by the server, throttling, and the audit.
@Suite(.serialized) struct BannerAccountTests {
    static let adminPassword = "banner-admin-2026"

    /// A hub with its first administrator `chief`, made as `hall-hub create-admin` makes it.
    static func hubWithAdministrator(accounts: HubConfiguration.Accounts? = nil) async throws -> HubTestBed {
        let hub = try await HubTestBed(accounts: accounts)
        let service = BannerAccountService(store: hub.store, passwords: BannerPasswords(cost: hub.configuration.accounts.passwordCost))
        #expect(try await hub.store.accounts().isEmpty, "no account, so no default password, before the first administrator")
        #expect(try await service.createFirstAdministrator(username: "chief", displayName: "张伟", password: adminPassword, by: "command-line"))
        #expect(try await !service.createFirstAdministrator(username: "other", displayName: "李", password: adminPassword, by: "command-line"))
        return hub
    }

    @Test func theAdministratorSignsInMakesAHeadAndTheHeadOnlyOversees() async throws {
        let hub = try await Self.hubWithAdministrator()
        let admin = BannerClient(hub.url)
        #expect(try await admin.get("/api/halls").status == 401)
        #expect(try await admin.signIn("chief", "wrong-password-1").status == 401)
        let signedIn = try await admin.signIn("chief", Self.adminPassword)
        #expect(signedIn.status == 200, "\(signedIn.text)")
        #expect(admin.lastSetCookie?.contains("HttpOnly; SameSite=Strict") == true)
        #expect(admin.lastSetCookie?.contains("Secure") == false, "plain HTTP from a non-proxy: no Secure flag")
        #expect(try await admin.get("/api/session").text.contains("banner-admin"))

        let head = BannerAccountCreation(username: "qi-leader", displayName: "王旗长", role: .head, password: "oversee-2026")
        #expect(try await admin.send("POST", "/api/accounts", json: head).status == 201)
        #expect(try await admin.send("POST", "/api/accounts", json: head).status == 409)
        let weak = BannerAccountCreation(username: "weak", displayName: "弱", role: .head, password: "12345678")
        #expect(try await admin.send("POST", "/api/accounts", json: weak).status == 400)
        let registered = try await admin.send("POST", "/api/halls", json: BannerHallRegistration(hall: "town-a", name: "甲镇便民服务中心"))
        #expect(registered.status == 201, "\(registered.text)")

        let leader = BannerClient(hub.url)
        #expect(try await leader.signIn("qi-leader", "oversee-2026").status == 200)
        #expect(try await leader.get("/api/halls").status == 200)
        #expect(try await leader.get("/api/audit").status == 200)
        #expect(try await leader.get("/api/accounts").status == 403)
        let above = BannerAccountCreation(username: "boss", displayName: "某", role: .admin, password: "boss-pass-2026")
        let refused = try await leader.send("POST", "/api/accounts", json: above)
        #expect(refused.status == 403 && refused.text.contains("forbidden"))
        #expect(try await leader.send("POST", "/api/halls", json: BannerHallRegistration(hall: "town-b", name: "乙镇")).status == 403)
        #expect(try await leader.send("PATCH", "/api/accounts/chief", json: BannerAccountChange(isActive: false)).status == 403)

        // The administrator cannot deactivate or demote himself; deactivating the head ends its session.
        #expect(try await admin.send("PATCH", "/api/accounts/chief", json: BannerAccountChange(role: .head)).status == 409)
        #expect(try await admin.send("PATCH", "/api/accounts/qi-leader", json: BannerAccountChange(isActive: false)).status == 200)
        #expect(try await leader.get("/api/halls").status == 401)
        #expect(try await BannerClient(hub.url).signIn("qi-leader", "oversee-2026").status == 401)

        // Signed out, the cookie no longer works.
        #expect(try await admin.send("DELETE", "/api/session", body: nil).status == 204)
        #expect(try await admin.get("/api/session").status == 401)

        // Every sign-in, the enrollment and each account change are in the audit, with who did them.
        let trail = try await hub.store.auditTrail()
        let lines = Set(trail.map { "\($0.actor) \($0.action)" })
        for expected in [
            "chief sign_in.failed", "chief signed_in", "chief account.created", "chief enrollment_code.issued", "qi-leader signed_in",
            "chief account.changed", "qi-leader sign_in.failed", "chief signed_out", "command-line account.created",
        ] {
            #expect(lines.contains(expected), "\(expected) not in \(lines.sorted())")
        }
        #expect(trail.contains { $0.action == "account.changed" && $0.detail == "qi-leader: deactivated" })
        #expect(trail.allSatisfy { $0.address == nil || $0.address == "127.0.0.1" })

        // Passwords are bcrypt hashes, as halld keeps them.
        let hashes = try hub.postgres.psql("SELECT password_hash FROM banner_account", database: "hub")
        #expect(hashes.contains("$2") && !hashes.contains(Self.adminPassword) && !hashes.contains("oversee-2026"))
        await hub.shutdown()
    }

    @Test func repeatedFailedSignInsAreThrottledAndAudited() async throws {
        var accounts = HubTestBed.quickAccounts
        accounts.throttleFreeFailures = 2
        accounts.throttleFreeFailuresPerAddress = 2
        let hub = try await Self.hubWithAdministrator(accounts: accounts)
        let guesser = BannerClient(hub.url)
        #expect(try await guesser.signIn("chief", "guess-one-1").status == 401)
        #expect(try await guesser.signIn("chief", "guess-two-2").status == 401)
        let throttled = try await guesser.signIn("chief", Self.adminPassword)
        #expect(throttled.status == 429, "\(throttled.text)")
        #expect(Int(throttled.retryAfter ?? "") ?? 0 > 0)
        #expect(throttled.text.contains("too_many_attempts"))
        // Through the trusted proxy, another client's address is its own key (the name stays locked).
        let elsewhere = BannerClient(hub.url)
        #expect(try await elsewhere.signIn("chief", Self.adminPassword, from: "10.8.0.7").status == 429)
        let trail = try await hub.store.auditTrail()
        #expect(trail.filter { $0.action == "sign_in.failed" }.count == 2)
        #expect(trail.contains { $0.action == "sign_in.throttled" && $0.address == "10.8.0.7" })
        await hub.shutdown()
    }

    @Test func theCeilingHoldsInTheDomain() throws {
        let admin = BannerAccount(username: "chief", displayName: "张伟", role: .admin)
        let head = BannerAccount(username: "leader", displayName: "王", role: .head)
        #expect(throws: BannerAccessError.forbidden(.manageAccounts)) { try BannerCeiling.checkCreate(.head, by: head) }
        try BannerCeiling.checkCreate(.admin, by: admin)
        try BannerCeiling.checkChange(head, to: BannerAccount(username: "leader", displayName: "王", role: .admin), by: admin)
        #expect(throws: BannerAccessError.changingYourself) {
            try BannerCeiling.checkChange(admin, to: BannerAccount(username: "chief", displayName: "张伟", role: .admin, isActive: false), by: admin)
        }
        var inactive = admin
        inactive.isActive = false
        #expect(throws: BannerAccessError.forbidden(.manageAccounts)) { try BannerCeiling.checkCreate(.head, by: inactive) }
        #expect(!head.may(.publish) && head.may(.oversee) && admin.may(.publish))
    }
}
