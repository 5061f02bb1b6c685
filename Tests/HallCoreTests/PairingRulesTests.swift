import Foundation
import HallCore
import Testing

@Suite("Device pairing: codes, expiry, single use, throttling")
struct PairingRulesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func ticket(_ kind: DeviceKind = .kiosk, window: Int? = nil, at now: Date? = nil) throws -> PairingTicket {
        try PairingRules.ticket(codeHash: "h", kind: kind, window: window, name: nil, windows: [1, 2, 3], issuedBy: "head", at: now ?? start)
    }

    @Test("codes are six digits from the generator, and typed codes are read leniently but strictly six digits")
    func codes() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in PairingCode.make(using: &generator) }
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        #expect(Set(codes).count > 150, "random, not a sequence")
        #expect(PairingCode.normalized(" 042 917 ") == "042917")
        #expect(PairingCode.normalized("042-917") == "042917")
        #expect(PairingCode.normalized("04291") == nil)
        #expect(PairingCode.normalized("0429170") == nil)
        #expect(PairingCode.normalized("０４２９１７") == nil, "full-width digits are not ASCII digits")
        #expect(PairingCode.normalized("42917a") == nil)
        #expect(PairingCode.normalized(String(repeating: "1", count: 10_000)) == nil)
    }

    @Test("a ticket names a window for a rating pad only, and a default name")
    func issuing() throws {
        let pad = try ticket(.ratingPad, window: 3)
        #expect(pad.name == "3号窗口评价器" && pad.window == 3)
        #expect(pad.expiresAt == start.addingTimeInterval(600))
        #expect(try ticket(.kiosk).name == "取号机")
        #expect(throws: PairingError.windowRequired) { try ticket(.ratingPad) }
        #expect(throws: PairingError.unknownWindow(9)) { try ticket(.ratingPad, window: 9) }
        #expect(throws: PairingError.windowNotAllowed) { try ticket(.screen, window: 1) }
        #expect(throws: PairingError.invalidName) {
            try PairingRules.ticket(codeHash: "h", kind: .kiosk, window: nil, name: "a\nb", windows: [], issuedBy: "head", at: start)
        }
        #expect(throws: PairingError.invalidName) {
            try PairingRules.ticket(
                codeHash: "h", kind: .kiosk, window: nil, name: String(repeating: "机", count: 33), windows: [], issuedBy: "head", at: start)
        }
        #expect(throws: Never.self) { try PairingRules.checkPending(PairingRules.maxPending - 1) }
        #expect(throws: PairingError.tooManyPendingCodes(PairingRules.maxPending)) { try PairingRules.checkPending(PairingRules.maxPending) }
    }

    @Test("a code is valid for ten minutes, once, for its kind of device")
    func claiming() throws {
        let issued = try ticket(.kiosk)
        #expect(throws: PairingError.wrongCode) { try PairingRules.claim(nil, asking: .kiosk, at: start) }
        let used = try PairingRules.claim(issued, asking: .kiosk, at: start.addingTimeInterval(599))
        #expect(used.usedAt == start.addingTimeInterval(599))
        #expect(throws: PairingError.usedCode) { try PairingRules.claim(used, asking: .kiosk, at: start.addingTimeInterval(600)) }
        #expect(throws: PairingError.expiredCode) { try PairingRules.claim(issued, asking: .kiosk, at: start.addingTimeInterval(600)) }
        #expect(throws: PairingError.kindMismatch(code: .kiosk, page: .ratingPad)) {
            try PairingRules.claim(issued, asking: .ratingPad, at: start)
        }
        #expect(try PairingRules.claim(issued, asking: nil, at: start).usedAt == start, "a client that does not say its kind")
        #expect(PairingRules.isPending(issued, at: start.addingTimeInterval(599)))
        #expect(!PairingRules.isPending(issued, at: start.addingTimeInterval(600)))
        #expect(!PairingRules.isPending(used, at: start))
        #expect(PairingRules.countsAsGuess(.wrongCode) && PairingRules.countsAsGuess(.expiredCode) && PairingRules.countsAsGuess(.usedCode))
        #expect(!PairingRules.countsAsGuess(.kindMismatch(code: .kiosk, page: .screen)), "the code was right")
    }

    @Test("wrong codes are throttled per purpose and per address like sign-ins; a success clears the purpose")
    func throttling() throws {
        var throttle = GuessThrottle(
            perKey: .init(freeFailures: 3, baseDelaySeconds: 30, maxDelaySeconds: 900),
            perAddress: .init(freeFailures: 5, baseDelaySeconds: 30, maxDelaySeconds: 900))
        for _ in 0..<3 { throttle.recordFailure(key: "code:pairing", address: "10.0.0.5", at: start) }
        #expect(throws: AccessError.throttled(retryAfterSeconds: 30)) {
            try throttle.check(key: "code:pairing", address: "10.0.0.6", at: start.addingTimeInterval(0.5))
        }
        #expect(throws: Never.self) { try throttle.check(key: "code:pairing", address: "10.0.0.6", at: start.addingTimeInterval(30)) }
        throttle.recordFailure(key: "code:pairing", address: "10.0.0.5", at: start.addingTimeInterval(30))
        #expect(throws: AccessError.throttled(retryAfterSeconds: 60)) {
            try throttle.check(key: "code:pairing", address: nil, at: start.addingTimeInterval(30))
        }
        throttle.recordSuccess(key: "code:pairing")
        #expect(throws: Never.self) { try throttle.check(key: "code:pairing", address: "10.0.0.6", at: start.addingTimeInterval(31)) }
        // The address keeps its count: one more failure from it (its fifth) locks it out on any key.
        throttle.recordFailure(key: "code:setup", address: "10.0.0.5", at: start.addingTimeInterval(31))
        #expect(throws: AccessError.throttled(retryAfterSeconds: 30)) {
            try throttle.check(key: "code:pairing", address: "10.0.0.5", at: start.addingTimeInterval(31))
        }
    }

    @Test("a paired device acts with its kind's device role")
    func principal() {
        let device = PairedDevice(id: "pad-p2", kind: .ratingPad, window: 2, name: "2号窗口评价器", pairedAt: start, pairedBy: "head")
        #expect(device.principal == Principal(name: "pad-p2", displayName: "评价器 2号窗口评价器", roles: [.ratingPad], isDevice: true))
        #expect(DeviceKind.allCases.allSatisfy { $0.role.isDevice })
        #expect(!device.isRevoked)
    }
}
