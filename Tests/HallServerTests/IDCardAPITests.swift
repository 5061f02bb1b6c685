import Foundation
import GRDB
import HallCore
import HallEmulators
import HallIDCard
import HallServer
import HallTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// An emulated reader on a pty that the test hall opens as a tty, at the kiosk and window 3.
final class CardReaderRig: @unchecked Sendable {
    let emulator = VirtualIDCardReader(cards: IDCardFixture.demo)
    let pty: VirtualIDCardReaderPTY
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-idcard-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        pty = try VirtualIDCardReaderPTY(reader: emulator, linkPath: folder.appendingPathComponent("ttyIDCard").path)
    }

    func configure(_ c: inout HallConfiguration) {
        c.hardware.idCardReaders = [.init(kiosk: true, windows: [3], transport: .tty, path: pty.path)]
        c.devicesDirectory = PackagePaths.url("devices").path
        c.idCard.waitSeconds = 1
    }

    func remove() {
        pty.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

@Suite("ID cards over HTTP", .serialized)
struct IDCardAPITests {
    static let hanMeimei = "150626199005170026"

    @Test("a ticket by card: limits per person keyed by an HMAC of the ID number, priority from age")
    func kioskLimits() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let (server, folder) = try makeServer {
            rig.configure(&$0)
            $0.idCard.kiosk = CardTicketSettings(openTicketsPerService: 1, ticketsPerDay: 2, priorityAge: 70)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            rig.emulator.place(0)
            let (first, firstBody) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"社保医保"}"#, token: TestCredentials.kiosk)
            #expect(first == .created, "\(firstBody)")
            #expect(firstBody.contains("\"number\":\"B001\"") && firstBody.contains("\"holder\":\"韩*梅\""))
            #expect(!firstBody.contains("韩梅梅") && !firstBody.contains(Self.hanMeimei), "the kiosk sees the masked name only")

            // The same card again for the same service: refused, nothing issued.
            let (again, againBody) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"B"}"#, token: TestCredentials.kiosk)
            #expect(again == .conflict && errorCode(againBody) == "idcard_open_ticket_exists", "\(againBody)")
            #expect(errorMessage(againBody).contains("B001"))
            // Another service is fine; a third ticket that day is over the daily limit.
            let (other, _) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"A"}"#, token: TestCredentials.kiosk)
            #expect(other == .created)
            let (third, thirdBody) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"C"}"#, token: TestCredentials.kiosk)
            #expect(third == .conflict && errorCode(thirdBody) == "idcard_daily_limit")
            #expect(errorMessage(thirdBody).contains("2 次"))

            // Another person is not limited by the first; a holder of 78 gets the green channel.
            rig.emulator.place(1)
            #expect(try await client.send(.post, "/api/idcard/tickets", #"{"service":"B"}"#, token: TestCredentials.kiosk).0 == .created)
            rig.emulator.place(2)
            let (elder, elderBody) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"B"}"#, token: TestCredentials.kiosk)
            #expect(elder == .created && elderBody.contains("\"priority\":\"green_channel\""), "\(elderBody)")
            // A kiosk asking for green channel on a plain ticket is still refused: only the card's age gives it.
            let (plain, _) = try await client.send(
                .post, "/api/tickets", #"{"service":"B","priority":"green_channel"}"#, token: TestCredentials.kiosk)
            #expect(plain == .forbidden || plain == .conflict || plain == .badRequest)

            let status = try await client.decode(HallStatus.self, .get, "/api/status")
            #expect(status.issuedToday == 4)
        }
        // Stored: a keyed hash per ticket, never the number (nor the name) in the database files.
        let db = try DatabaseQueue(path: folder.appendingPathComponent("hall.sqlite").path)
        let keys = try await db.read { try String.fetchAll($0, sql: "SELECT person_key FROM idcard_ticket ORDER BY ticket_id") }
        #expect(keys.count == 4 && keys[0] == keys[1] && keys[1] != keys[2] && keys.allSatisfy { $0.count == 64 })
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasPrefix("hall.sqlite") {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(bytes.range(of: Data(Self.hanMeimei.utf8)) == nil, "\(file) holds the ID number")
            #expect(bytes.range(of: Data("韩梅梅".utf8)) == nil, "\(file) holds the name")
        }
    }

    @Test("the keyed hash depends on the hall's secret")
    func keyedHash() async throws {
        var stored: [String] = []
        for secret in ["secret-one", "secret-two", "secret-one"] {
            let rig = try CardReaderRig()
            let (server, folder) = try makeServer {
                rig.configure(&$0)
                $0.idCard.personKeySecret = secret
            }
            rig.emulator.place(0)
            try await server.makeApplication(port: 0).test(.live) { client in
                let (status, body) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"B"}"#, token: TestCredentials.kiosk)
                #expect(status == .created, "\(body)")
            }
            let db = try DatabaseQueue(path: folder.appendingPathComponent("hall.sqlite").path)
            stored += try await db.read { try String.fetchAll($0, sql: "SELECT person_key FROM idcard_ticket") }
            rig.remove()
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(stored.count == 3 && stored[0] != stored[1] && stored[0] == stored[2])
    }

    @Test("reader faults: a clear Chinese message, no ticket issued")
    func faults() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let (server, folder) = try makeServer { rig.configure(&$0) }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            func expect(_ status: HTTPResponse.Status, _ code: String, _ words: String) async throws {
                let (got, body) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"B","wait":0}"#, token: TestCredentials.kiosk)
                #expect(got == status && errorCode(body) == code, "\(body)")
                #expect(errorMessage(body).contains(words), "\(body)")
            }
            try await expect(.conflict, "idcard_no_card", "未检测到身份证")
            var foreign = IDCardFixture.demo[0]
            foreign.typeMark = "I"
            rig.emulator.place(foreign)
            try await expect(.badRequest, "idcard_unsupported_card", "外国人永久居留身份证")
            rig.emulator.place(0)
            rig.emulator.inject(.cardRemoved, times: 1)
            try await expect(.conflict, "idcard_card_removed", "证件被移开")
            rig.emulator.place(0)
            rig.emulator.inject(.badChecksum)
            try await expect(.serviceUnavailable, "idcard_corrupt_frame", "校验失败")
            rig.emulator.inject(nil)
            rig.emulator.inject(.timeout)
            try await expect(.serviceUnavailable, "idcard_reader_timeout", "没有应答")
            rig.emulator.inject(nil)
            rig.emulator.inject(.unplug, times: 1)
            try await expect(.serviceUnavailable, "idcard_reader_disconnected", "已断开")
            let status = try await client.decode(HallStatus.self, .get, "/api/status")
            #expect(status.issuedToday == 0, "nothing half-written")
            let health = try await client.send(.get, "/healthz")
            #expect(health.1.contains("idcard-reader-kiosk+window-3") && health.1.contains("disconnected"), "\(health.1)")
            let devices = try await client.send(.get, "/api/devices", token: try await client.clerkToken())
            #expect(devices.1.contains("\"idCardReaders\"") && devices.1.contains("\"connected\":false"), "\(devices.1)")
        }
    }

    @Test("a clerk reads the card at the window (audited); a kiosk may not; a window without a reader: 404")
    func clerkRead() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let (server, folder) = try makeServer { rig.configure(&$0) }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken()
            #expect(try await client.send(.post, "/api/posts/3/check", token: clerk).0 == .ok, "the clerk works at window 3")
            rig.emulator.place(2)
            let (read, body) = try await client.send(.post, "/api/idcard/read", #"{"window":3}"#, token: clerk)
            #expect(read == .ok, "\(body)")
            #expect(body.contains("\"name\":\"王建国\"") && body.contains("\"idNumber\":\"150626194803080014\""))
            #expect(body.contains("\"validUntil\":\"长期\"") && body.contains("示例路3号"))
            #expect(try await client.send(.post, "/api/idcard/read", #"{"window":3}"#, token: TestCredentials.kiosk).0 == .forbidden)
            let (none, noneBody) = try await client.send(.post, "/api/idcard/read", #"{"window":2}"#, token: clerk)
            #expect(none == .notFound && errorCode(noneBody) == "idcard_no_reader")
            rig.emulator.remove()
            let (empty, _) = try await client.send(.post, "/api/idcard/read", #"{"window":3,"wait":0}"#, token: clerk)
            #expect(empty == .conflict)

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let (_, audit) = try await client.send(.get, "/api/audit?limit=50", token: admin)
            #expect(audit.contains("idcard.read") && audit.contains("window:3"))
            #expect(audit.contains("\"outcome\":\"ok\"") && audit.contains("\"outcome\":\"idcard_no_card\""))
            #expect(!audit.contains("150626194803080014") && !audit.contains("王建国"), "no card data in the audit log")
        }
    }

    @Test("check-in by card: today's booking of the card's ID number gets its priority ticket")
    func checkInByCard() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let hall = try IntakeTestHall.appointments(at: "2026-12-01") { rig.configure(&$0) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            let slot = try await client.openSlot("2026-12-05", capacity: 2, token: head)
            hall.clock.set(IntakeTestHall.morning("2026-12-02"))
            _ = try await client.bookSlot(slot.slot.id, name: "韩梅梅", idNumber: Self.hanMeimei, token: clerk)
            hall.clock.set(LocalDay("2026-12-05")!.instant(minutesAfterMidnight: 9 * 60 + 10, in: TimeZone(identifier: "Asia/Shanghai")!))

            rig.emulator.place(1)  // 李雷 has no booking
            let (none, noneBody) = try await client.send(.post, "/api/idcard/check-in", "{}", token: TestCredentials.kiosk)
            #expect(none == .conflict && errorCode(noneBody) == "idcard_no_booking", "\(noneBody)")
            rig.emulator.place(0)
            let (checked, body) = try await client.send(.post, "/api/idcard/check-in", "{}", token: TestCredentials.kiosk)
            #expect(checked == .created, "\(body)")
            let answer = try HallJSON.decoder().decode(CheckInAnswer.self, from: Data(body.utf8))
            #expect(answer.ticket.priority == .appointment && answer.appointment.state == .checkedIn)
            #expect(!body.contains(Self.hanMeimei) && !body.contains("韩梅梅"))
            let (twice, twiceBody) = try await client.send(.post, "/api/idcard/check-in", "{}", token: TestCredentials.kiosk)
            #expect(twice == .conflict && errorCode(twiceBody) == "already_checked_in")
        }
    }

    @Test("demo hall: emulated readers stand in, with a demo card always on them")
    func demoReaders() async throws {
        let (server, folder, demo) = try makeDemoServer {
            $0.hardware.idCardReaders = HardwareConfiguration.IDCardReaderStation.automatic
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            #expect(demo.idCardReader("kiosk") != nil && demo.idCardReader("window-1,2,3,4,5") != nil)
            let (taken, body) = try await client.send(.post, "/api/idcard/tickets", #"{"service":"B"}"#, token: TestCredentials.kiosk)
            #expect(taken == .created && body.contains("\"holder\":\"韩*梅\""), "\(body)")
            let (_, devices) = try await client.send(.get, "/api/devices", token: try await client.clerkToken())
            #expect(devices.contains("\"place\":\"kiosk\"") && devices.contains("\"reads\":1"), "\(devices)")
        }
    }
}
