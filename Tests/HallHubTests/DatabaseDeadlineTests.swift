import Foundation
import HallCore
import HallHub
import Testing

/// A PostgreSQL that stops answering (frozen with SIGSTOP: its connections stay open, queries hang)
/// must not hold the hub: every database call, in a transaction or not, is given up at the deadline
/// with 503 `database_timeout`, and the hub still stops gracefully.
@Suite(.serialized) struct DatabaseDeadlineTests {
    @Test func aFrozenDatabaseGets503WithinTheDeadlineAndTheHubStillStops() async throws {
        let hub = try await HubTestBed(deadlineSeconds: 2)
        let service = BannerAccountService(store: hub.store, passwords: BannerPasswords(cost: hub.configuration.accounts.passwordCost))
        #expect(try await service.createFirstAdministrator(
            username: "chief", displayName: "张伟", password: BannerAccountTests.adminPassword, by: "command-line"))
        let admin = BannerClient(hub.url)
        #expect(try await admin.signIn("chief", BannerAccountTests.adminPassword).status == 200)
        #expect(try await admin.get("/api/halls").status == 200)

        hub.postgres.pause()
        let start = ContinuousClock.now
        // The session check and the halls' list are plain reads, outside any transaction.
        let halls = try await admin.get("/api/halls")
        #expect(halls.status == 503 && halls.text.contains("database_timeout"), "\(halls.status) \(halls.text)")
        #expect(ContinuousClock.now - start < .seconds(4))
        let health = try await HubHTTP.get("\(hub.url)/healthz")
        #expect(health.status == 503)
        await #expect(throws: HubError.databaseTimeout) { _ = try await hub.store.dashboard(day: LocalDay(Date(), in: .current)) }

        let stopping = ContinuousClock.now
        await hub.stopApplication()
        #expect(ContinuousClock.now - stopping < .seconds(5))
        hub.postgres.resume()
        // Thawed, the database answers again.
        #expect(try await hub.store.halls().isEmpty)
        await hub.shutdown()
    }
}
