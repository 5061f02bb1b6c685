import Foundation
import GRDB
import HallCore
import HallServer
import HallTestSupport
import HummingbirdTesting
import Testing

/// A full disk through the API: writes answer 503 `storage_full` with a Chinese message, reads keep
/// working, nothing acknowledged is lost, and writes work again as soon as there is space — without
/// a restart. For real on a small tmpfs holding the database and the state directory (root only),
/// and through SQLite's `max_page_count` (anywhere).
@Suite("A full disk over HTTP", .serialized)
struct DiskFullAPITests {
    /// What the tests issue and then look for.
    private struct Issued: Decodable {
        struct Ticket: Decodable { var id: Int64; var number: String }
        var ticket: Ticket
    }

    private static func issue(_ client: some TestClientProtocol, clerk: String) async throws -> (Int, String) {
        let (status, body) = try await client.send(.post, "/api/tickets", #"{"service":"综合窗口"}"#, token: clerk)
        return (Int(status.code), body)
    }

    private static func expectFull(_ answer: (Int, String), _ what: String) throws {
        #expect(answer.0 == 503, "\(what): \(answer.1)")
        let error = try errorBody(answer.1)
        #expect(error.error == "storage_full" && error.message.contains("存储空间已满"), "\(what): \(error)")
    }

    /// Tickets as the database holds them, read through a connection of its own.
    private static func storedNumbers(_ path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(
            path: path,
            configuration: {
                var c = Configuration(); c.readonly = true; return c
            }())
        return Set(try queue.read { try String.fetchAll($0, sql: "SELECT number FROM ticket") })
    }

    @Test("past SQLite's max_page_count: 503 storage_full, reads work, every 201 kept, writes again once the limit is raised")
    func maxPageCount() async throws {
        let hall = try IntakeTestHall(at: CaptureTestHall.day)
        defer { hall.remove() }
        let database = hall.server.database
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            var acknowledged: [Issued.Ticket] = []
            for _ in 0..<3 {
                let answer = try await Self.issue(client, clerk: clerk)
                #expect(answer.0 == 201)
                acknowledged.append(try HallJSON.decoder().decode(Issued.self, from: Data(answer.1.utf8)).ticket)
            }
            let original = try await database.pool.read { try Int.fetchOne($0, sql: "PRAGMA max_page_count") ?? 0 }
            let pages = try await database.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
            try await database.pool.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages)") }

            var refused: (Int, String)?
            for _ in 0..<500 where refused == nil {
                let answer = try await Self.issue(client, clerk: clerk)
                if answer.0 == 201 {
                    acknowledged.append(try HallJSON.decoder().decode(Issued.self, from: Data(answer.1.utf8)).ticket)
                } else {
                    refused = answer
                }
            }
            try Self.expectFull(try #require(refused), "a ticket past the limit")
            try Self.expectFull(try await Self.issue(client, clerk: clerk), "the next ticket")
            #expect(try await client.send(.get, "/api/status").0 == .ok)
            #expect(try await client.send(.get, "/api/tickets/\(acknowledged[0].number)").0 == .ok)
            #expect(try await client.send(.get, "/healthz").0 == .ok)

            try await database.pool.barrierWriteWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(original)") }
            let again = try await Self.issue(client, clerk: clerk)
            #expect(again.0 == 201, "\(again.1)")
            acknowledged.append(try HallJSON.decoder().decode(Issued.self, from: Data(again.1.utf8)).ticket)
            let numbers = acknowledged.map(\.number)
            #expect(Set(numbers).count == numbers.count, "a number was issued twice: \(numbers)")
            #expect(try Self.storedNumbers(hall.server.configuration.database.path) == Set(numbers))
        }
    }

    @Test(
        "a real full disk (tmpfs): 503 on tickets, cases and captures, reads and sessions work, /healthz shows it, all back once space is freed",
        .enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root (CAP_SYS_ADMIN); the max_page_count test covers the rest"))
    func tmpfs() async throws {
        let disk = try Tmpfs(megabytes: 24)
        defer { disk.unmount() }
        let folder = disk.url.appendingPathComponent("state")
        let hall = try IntakeTestHall(at: CaptureTestHall.day) { configuration in
            configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
            configuration.stateDirectory = folder.path
            configuration.minFreeDiskMegabytes = 2
            configuration.hardware.scanners = .init(
                transport: .emulator, stations: [.init(window: 1, profile: "sane-test", device: "test:0")],
                saneConfigDirectory: CaptureTestHall.saneConfig)
            configuration.devicesDirectory = PackagePaths.url("devices").path
        }
        defer { hall.remove() }
        let database = hall.server.database
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            var acknowledged: [String] = []
            for _ in 0..<3 {
                let answer = try await Self.issue(client, clerk: clerk)
                #expect(answer.0 == 201, "\(answer.1)")
                acknowledged.append(try HallJSON.decoder().decode(Issued.self, from: Data(answer.1.utf8)).ticket.number)
            }
            let (opened, openBody) = try await client.send(
                .post, "/api/cases", IntakeTestHall.openBody(item: CaptureTestHall.item, window: 1), token: clerk)
            #expect(opened == .created, "\(openBody)")
            let caseID = try HallJSON.decoder().decode(Case.self, from: Data(openBody.utf8)).id
            let captures = "/api/cases/\(caseID)/captures"
            #expect(try await client.send(.post, captures, #"{"material":"id-card","window":1}"#, token: clerk).0 == .created)
            let (_, healthBefore) = try await client.send(.get, "/healthz")
            #expect(healthBefore.contains(#""name":"disk","ok":true"#) || healthBefore.contains(#""ok":true,"name":"disk""#), "\(healthBefore)")

            // Fill the disk. The WAL is emptied first, so that the next commit needs new space at once.
            _ = try await database.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            let filler = disk.url.appendingPathComponent("filler")
            let filled = try disk.fill(filler)
            #expect(disk.freeBytes == 0 && filled > 10 << 20, "filled \(filled) bytes, \(disk.freeBytes) free")

            try Self.expectFull(try await Self.issue(client, clerk: clerk), "a ticket")
            let (caseStatus, caseBody) = try await client.send(
                .post, "/api/cases", IntakeTestHall.openBody(item: CaptureTestHall.item, window: 1), token: clerk)
            try Self.expectFull((Int(caseStatus.code), caseBody), "a case")
            let (captureStatus, captureBody) = try await client.send(.post, captures, #"{"material":"photo","window":1}"#, token: clerk)
            try Self.expectFull((Int(captureStatus.code), captureBody), "a capture")

            // Reads work, also for a session whose activity is due to be recorded (that write is skipped).
            hall.clock.advance(120)
            #expect(try await client.send(.get, "/api/status").0 == .ok)
            #expect(try await client.send(.get, "/api/tickets/\(acknowledged[0])").0 == .ok)
            let (caseRead, caseReadBody) = try await client.send(.get, "/api/cases/\(caseID)", token: clerk)
            #expect(caseRead == .ok, "\(caseReadBody)")
            let listing = try await client.decode(CaptureListing.self, .get, captures, token: clerk)
            #expect(listing.captures.map(\.material) == ["id-card"])
            let (health, healthBody) = try await client.send(.get, "/healthz")
            #expect(health == .ok && healthBody.contains(#""status":"degraded""#) && healthBody.contains("存储空间已满"), "\(healthBody)")

            // Space returns: the same halld writes again.
            try FileManager.default.removeItem(at: filler)
            let again = try await Self.issue(client, clerk: clerk)
            #expect(again.0 == 201, "\(again.1)")
            acknowledged.append(try HallJSON.decoder().decode(Issued.self, from: Data(again.1.utf8)).ticket.number)
            #expect(try await client.send(.post, captures, #"{"material":"photo","window":1}"#, token: clerk).0 == .created)
            let (_, healthAfter) = try await client.send(.get, "/healthz")
            #expect(!healthAfter.contains("存储空间"), "\(healthAfter)")
            #expect(try Self.storedNumbers(hall.server.configuration.database.path) == Set(acknowledged))
            let after = try await client.decode(CaptureListing.self, .get, captures, token: clerk)
            #expect(after.captures.map(\.material).sorted() == ["id-card", "photo"])
            #expect(!CaptureTestHall.captureFiles(hall).contains { $0.contains(".tmp-") }, "a cut-off write was left behind")
        }
    }
}
