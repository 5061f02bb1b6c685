import Foundation
import HallCore
import Testing

@Suite("Roles, permissions, sessions and sign-in throttling")
struct AccessPolicyTests {
    @Test("each role may do exactly what it needs")
    func permissions() {
        #expect(Permission.allows(.kiosk, .issueTicket) && Permission.allows(.kiosk, .checkIn))
        #expect(Permission.allCases.filter { Permission.allows(.kiosk, $0) } == [.issueTicket, .checkIn])
        #expect(Permission.allCases.filter { Permission.allows(.screen, $0) }.isEmpty)
        #expect(Permission.allows(.clerk, .operateWindow) && !Permission.allows(.clerk, .manageAccounts))
        #expect(!Permission.allows(.clerk, .readAudit) && Permission.allows(.head, .readAudit))
        #expect(!Permission.allows(.admin, .operateWindow), "the administrator does not serve residents")
        #expect(!Permission.allows(.reviewer, .operateWindow))
        #expect(Permission.allows([.reviewer, .clerk], .operateWindow))
        #expect(
            Permission.allows(.reviewer, .reviewCase) && !Permission.allows(.reviewer, .readCases),
            "a reviewer reads only the cases routed to their department, through the review view")
        let p = Principal(name: "x", displayName: "x", roles: [.head, .clerk], isDevice: false)
        #expect(p.role(for: .operateWindow) == .clerk && p.role(for: .manageAccounts) == .head && p.role(for: .checkIn) == .clerk)
    }

    @Test("account names, roles and passwords are checked")
    func validation() {
        #expect(throws: AccessError.invalidUsername("李娜")) { try StaffAccount.validate(username: "李娜", roles: [.clerk]) }
        #expect(throws: AccessError.noRoles) { try StaffAccount.validate(username: "li.na", roles: []) }
        #expect(throws: AccessError.deviceRoleForStaff(.kiosk)) { try StaffAccount.validate(username: "li.na", roles: [.kiosk]) }
        #expect(throws: AccessError.weakPassword) { try StaffAccount.validate(password: "short", username: "li.na") }
        #expect(throws: AccessError.weakPassword) { try StaffAccount.validate(password: "1234567890", username: "li.na") }
        #expect(throws: AccessError.weakPassword) { try StaffAccount.validate(password: "Admin123", username: "admin123") }
        #expect(throws: Never.self) { try StaffAccount.validate(password: "hall-demo", username: "li.na") }
    }

    @Test("a session ends when idle too long or too old")
    func sessionPolicy() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        let policy = SessionPolicy(idleSeconds: 600, absoluteSeconds: 3600)
        var s = StaffSession(tokenHash: "h", username: "u", createdAt: start, lastSeenAt: start, remoteAddress: nil)
        #expect(!policy.isExpired(s, at: start.addingTimeInterval(600)))
        #expect(policy.isExpired(s, at: start.addingTimeInterval(601)))
        s.lastSeenAt = start.addingTimeInterval(3500)
        #expect(!policy.isExpired(s, at: start.addingTimeInterval(3600)))
        #expect(policy.isExpired(s, at: start.addingTimeInterval(3601)))
        #expect(policy.expiry(of: s) == start.addingTimeInterval(3600))
    }

    @Test("after the free failures every attempt waits, twice as long each time; success clears the name")
    func throttle() throws {
        let t0 = Date(timeIntervalSince1970: 0)
        var throttle = LoginThrottle(policy: .init(freeFailures: 3, baseDelaySeconds: 10, maxDelaySeconds: 35))
        for i in 0..<3 {
            #expect(throttle.retryAfter("u", at: t0.addingTimeInterval(Double(i))) == 0)
            throttle.recordFailure(["u", "ip"], at: t0.addingTimeInterval(Double(i)))
        }
        #expect(throws: AccessError.throttled(retryAfterSeconds: 8)) { try throttle.check(["other", "ip"], at: t0.addingTimeInterval(4)) }
        #expect(throttle.retryAfter("u", at: t0.addingTimeInterval(12)) == 0)
        throttle.recordFailure(["u"], at: t0.addingTimeInterval(12))
        #expect(throttle.retryAfter("u", at: t0.addingTimeInterval(12)) == 20)
        throttle.recordFailure(["u"], at: t0.addingTimeInterval(40))
        #expect(throttle.retryAfter("u", at: t0.addingTimeInterval(40)) == 35, "capped at the maximum")
        throttle.recordSuccess("u")
        #expect(throttle.retryAfter("u", at: t0.addingTimeInterval(40)) == 0)
        #expect(throttle.retryAfter("ip", at: t0.addingTimeInterval(4)) == 8, "the address keeps its count")
    }
}
