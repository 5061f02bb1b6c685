import Foundation
import HallPrinter
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HallCore
@testable import HallServer

/// A Chinese-only hall's home-visit receipts and wait slips: the ESC/POS bytes recorded before
/// the Mongolian lines came, compared byte for byte on both paper widths.
@Suite("Chinese receipts and wait slips, byte for byte", .serialized)
struct ThermalReceiptGoldenTests {
    static let profiles: [PrinterProfile] = [.generic58mm, .generic80mm]

    /// Compares `bytes` with the recorded fixture `name` (HALL_RECORD_GOLDEN=1 records it first).
    static func check(_ bytes: [UInt8], _ name: String) throws {
        let url = PackagePaths.url("Tests/HallPrinterTests/Fixtures/\(name).escpos")
        if ProcessInfo.processInfo.environment["HALL_RECORD_GOLDEN"] == "1" { try Data(bytes).write(to: url) }
        #expect(bytes == [UInt8](try Data(contentsOf: url)), "\(name) differs from the recorded bytes")
    }

    /// A wait slip told before closing: one expected in hours, one after closing.
    static func slip(afterClosing: Bool) -> ReceiptDocument {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let printing = WaitSlipPrinting(
            printing: nil, center: HallConfiguration.demo.center, timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current,
            clock: ManualClock(now))
        let estimate = WaitEstimate(
            ticketID: 42, number: "C003", serviceID: "civil", serviceName: "民政残联", peopleAhead: afterClosing ? 7 : 0,
            estimatedWaitMinutes: afterClosing ? 95 : 0, expectedCallAt: now + (afterClosing ? 95 * 60 : 0), afterClosing: afterClosing)
        return printing.receipt(estimate, hours: nil)
    }

    @Test("the wait slip's bytes are those printed before Mongolian came", arguments: profiles)
    func waitSlip(profile: PrinterProfile) throws {
        for late in [false, true] {
            try Self.check(try ReceiptLayout().encode(Self.slip(afterClosing: late), for: profile), "slip-zh\(late ? "-late" : "")-\(profile.id)")
        }
    }

    @Test("the home-visit receipt's bytes, from its route, are those printed before Mongolian came")
    func visitReceipt() async throws {
        let hall = try IntakeTestHall.appointments(at: "2026-09-24")
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            DefaultTokens.set(try await client.clerkToken("wang.fang"), for: client.port)  // the downloads go as the clerk
            for finished in [true, false] {
                let number = try await VisitReceiptFlow.issue(client, hall: hall, finished: finished).visit.number
                for profile in Self.profiles {
                    let (status, _, bytes) = try await client.bytes("/api/visits/\(number)/receipt?profile=\(profile.id)")
                    #expect(status == .ok)
                    try Self.check([UInt8](bytes), "visit-receipt-zh\(finished ? "" : "-open")-\(profile.id)")
                }
            }
        }
    }
}

/// A home visit requested, approved and finished (or not) through the routes, and its receipt issued.
enum VisitReceiptFlow {
    static func issue(_ client: some TestClientProtocol, hall: IntakeTestHall, finished: Bool) async throws -> VisitReceiptAnswer {
        let head = try await client.staffToken("head-\(finished ? "a" : "b")", roles: [.head])
        let clerk = try await client.signIn("wang.fang", TestCredentials.staffPassword)
        hall.clock.set(IntakeTestHall.morning("2026-09-24"))
        let visit = try await client.requestVisit(day: "2026-09-29", token: clerk)
        _ = try await client.approveVisit(visit, token: head)
        hall.clock.set(IntakeTestHall.morning("2026-09-30"))
        let outcome =
            finished
            ? #"{"finishedOnSite":true,"summary":"已现场办理"}"#
            : #"{"finishedOnSite":false,"summary":"已核对并拍摄材料","unfinished":"待民政所审核发放","workingDays":3}"#
        _ = try await client.decode(HomeVisit.self, .post, "/api/visits/\(visit.number)/outcome", outcome, token: clerk)
        let (status, body) = try await client.send(.post, "/api/visits/\(visit.number)/receipt", token: clerk)
        guard status == .created else { throw TestFailure("receipt: \(status) \(body)") }
        return try HallJSON.decoder().decode(VisitReceiptAnswer.self, from: Data(body.utf8))
    }
}
