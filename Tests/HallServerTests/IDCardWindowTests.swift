import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("ID card reads at a window", .serialized)
struct IDCardWindowTests {
    @Test("a clerk reads only on the reader of the window they work at; every read, refused ones too, is audited")
    func readsFollowTheWindow() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let (server, folder) = try makeServer {
            rig.configure(&$0)
            $0.hardware.idCardReaders = [.init(kiosk: false, windows: [3, 4], transport: .tty, path: rig.pty.path)]
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            let wang = try await client.clerkToken("wang.fang"), li = try await client.clerkToken("li.na")
            let head = try await client.staffToken("zhao.head", roles: [.head])
            rig.emulator.place(0)
            func read(_ window: Int, _ token: String) async throws -> (HTTPResponse.Status, String) {
                try await client.send(.post, "/api/idcard/read", #"{"window":\#(window),"wait":0}"#, token: token)
            }
            func refused(_ answer: (HTTPResponse.Status, String), _ code: String, _ words: String) {
                #expect(answer.0 == .forbidden && errorCode(answer.1) == code, "\(answer.1)")
                #expect(errorMessage(answer.1).contains(words), "\(answer.1)")
                #expect(!answer.1.contains("韩梅梅"))
            }
            // No window taken, no post: refused until the clerk takes window 3.
            refused(try await read(3, wang), "idcard_window_not_taken", "请先在控制台选择3号窗口")
            #expect(try await client.send(.post, "/api/posts/3/check", token: wang).0 == .ok)
            let (ok, body) = try await read(3, wang)
            #expect(ok == .ok && body.contains("\"name\":\"韩梅梅\""), "\(body)")
            // Another clerk at window 2 cannot read through window 3's reader.
            #expect(try await client.send(.post, "/api/posts/2/check", token: li).0 == .ok)
            refused(try await read(3, li), "idcard_not_your_window", "您当前在2号窗口")
            // She takes window 3: the reader is hers, no longer his.
            #expect(try await client.send(.post, "/api/posts/3/check", token: li).0 == .ok)
            #expect(try await read(3, li).0 == .ok)
            refused(try await read(3, wang), "idcard_not_your_window", "li.na")
            // Nobody took window 4: its on-duty A post reads there without taking it first.
            #expect(try await client.send(.put, "/api/posts/4", #"{"a":"wang.fang"}"#, token: head).0 == .ok)
            refused(try await read(4, li), "idcard_not_your_window", "您当前在3号窗口")
            #expect(try await read(4, wang).0 == .ok)

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit?limit=200", token: admin)
                .filter { $0.action == "idcard.read" }
            let seen = audit.map { "\($0.actor) \($0.target) \($0.detail["outcome"] ?? "")" }
            #expect(
                Set(seen) == [
                    "wang.fang window:3 idcard_window_not_taken", "wang.fang window:3 ok", "li.na window:3 idcard_not_your_window",
                    "li.na window:3 ok", "wang.fang window:3 idcard_not_your_window", "li.na window:4 idcard_not_your_window",
                    "wang.fang window:4 ok",
                ] && seen.count == 7, "\(seen)")
            let (_, raw) = try await client.send(.get, "/api/audit?limit=200", token: admin)
            #expect(!raw.contains(IDCardAPITests.hanMeimei) && !raw.contains("韩梅梅"), "no card data in the audit log")
        }
    }
}

@Suite("ID card check-in at a window", .serialized)
struct IDCardWindowCheckInTests {
    @Test("a clerk checks a booking in with the card on the reader of their window; a kiosk cannot use a window's reader")
    func checkInAtWindow() async throws {
        let rig = try CardReaderRig()
        defer { rig.remove() }
        let hall = try IntakeTestHall.appointments(at: "2026-12-01") { rig.configure(&$0) }
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let head = try await client.staffToken("zhao.head", roles: [.head])
            let clerk = try await client.clerkToken("wang.fang")
            let slot = try await client.openSlot("2026-12-05", capacity: 2, token: head)
            hall.clock.set(IntakeTestHall.morning("2026-12-02"))
            _ = try await client.bookSlot(slot.slot.id, name: "韩梅梅", idNumber: IDCardAPITests.hanMeimei, token: clerk)
            hall.clock.set(LocalDay("2026-12-05")!.instant(minutesAfterMidnight: 9 * 60 + 10, in: TimeZone(identifier: "Asia/Shanghai")!))
            rig.emulator.place(0)

            let (kiosk, kioskBody) = try await client.send(.post, "/api/idcard/check-in", #"{"window":3}"#, token: TestCredentials.kiosk)
            #expect(kiosk == .forbidden, "\(kioskBody)")
            let (notTaken, _) = try await client.send(.post, "/api/idcard/check-in", #"{"window":3,"wait":0}"#, token: clerk)
            #expect(notTaken == .forbidden)
            #expect(try await client.send(.post, "/api/posts/3/check", token: clerk).0 == .ok)
            let (checked, body) = try await client.send(.post, "/api/idcard/check-in", #"{"window":3,"wait":0}"#, token: clerk)
            #expect(checked == .created, "\(body)")
            let answer = try HallJSON.decoder().decode(CheckInAnswer.self, from: Data(body.utf8))
            #expect(answer.ticket.priority == .appointment && answer.appointment.state == .checkedIn)
            #expect(!body.contains(IDCardAPITests.hanMeimei))

            let admin = try await client.signIn("admin", TestCredentials.adminPassword)
            let audit = try await client.decode([AuditRecord].self, .get, "/api/audit?limit=200", token: admin)
            let reads = audit.filter { $0.action == "idcard.read" && $0.actor == "wang.fang" && $0.target == "window:3" }
            #expect(reads.contains { $0.detail["outcome"] == "ok" })
        }
    }
}
