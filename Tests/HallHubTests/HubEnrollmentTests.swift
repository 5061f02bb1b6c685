import Foundation
import HallCore
import HallHub
import Testing

/// Hall identity at a real hub on a real PostgreSQL: one-time codes, credentials, and refusals of
/// unknown halls, forged and replayed batches.
@Suite(.serialized) struct HubEnrollmentTests {
    @Test func aCodeEnrollsItsHallOnceAndTheSecretIsKeptHashed() async throws {
        let hub = try await HubTestBed()
        let code = try await hub.code(for: "town-a")
        let wrongHall = try await HubHTTP.post("\(hub.url)/api/enroll", json: HubEnrollmentRequest(hall: "town-b", code: code))
        #expect(wrongHall.status == 400, "\(wrongHall.text)")
        let first = try await HubHTTP.post("\(hub.url)/api/enroll", json: HubEnrollmentRequest(hall: "town-a", code: code.lowercased()))
        #expect(first.status == 201, "\(first.text)")
        let lost = try HallJSON.decoder().decode(HubEnrollmentGrant.self, from: first.body)
        #expect(lost.hall == "town-a" && lost.secret.count == 64)
        // The hall lost that answer: until its first batch, the code gets it a new secret, and the first stops working.
        let retry = try await HubHTTP.post("\(hub.url)/api/enroll", json: HubEnrollmentRequest(hall: "town-a", code: code))
        #expect(retry.status == 201, "\(retry.text)")
        let grant = try HallJSON.decoder().decode(HubEnrollmentGrant.self, from: retry.body)
        #expect(grant.secret != lost.secret)
        #expect(try await !hub.store.authenticate(hall: "town-a", secret: lost.secret))
        let batch = SyncBatch(hall: "town-a", send: 1, after: 0, events: [])
        #expect(try await HubHTTP.post("\(hub.url)/api/halls/town-a/batches", json: batch, secret: grant.secret).status == 200)
        // Once the hub has a batch with the secret, the code is spent.
        let again = try await HubHTTP.post("\(hub.url)/api/enroll", json: HubEnrollmentRequest(hall: "town-a", code: code))
        #expect(again.status == 410)
        #expect(again.text.contains("used_code"))
        // Only hashes at the hub: neither the code nor the secret is stored.
        let stored =
            try hub.postgres.psql("SELECT secret_hash FROM hall", database: "hub")
            + hub.postgres.psql("SELECT code_hash FROM enrollment_code", database: "hub")
        #expect(!stored.contains(grant.secret) && !stored.uppercased().contains(code.replacingOccurrences(of: "-", with: "")))
        #expect(try await hub.store.authenticate(hall: "town-a", secret: grant.secret))
        #expect(try await !hub.store.authenticate(hall: "town-a", secret: String(grant.secret.reversed())))
        await hub.shutdown()
    }

    @Test func unknownHallsForgedAndReplayedBatchesAreRefused() async throws {
        let hub = try await HubTestBed()
        let grant = try await hub.store.enroll(HubEnrollmentRequest(hall: "town-a", code: try await hub.code(for: "town-a")))
        let other = try await hub.store.enroll(HubEnrollmentRequest(hall: "town-b", code: try await hub.code(for: "town-b")))
        let event = SyncEvent(sequence: 1, type: "ticket.issued", at: Date(timeIntervalSince1970: 1_780_000_000))
        let batch = SyncBatch(hall: "town-a", send: 1, after: 0, events: [event])
        let endpoint = "\(hub.url)/api/halls/town-a/batches"

        // Not enrolled, no secret, a wrong secret, another hall's secret: all 401 or 403, nothing stored.
        let unknown = try await HubHTTP.post(
            "\(hub.url)/api/halls/town-x/batches", json: SyncBatch(hall: "town-x", send: 1, after: 0, events: [event]),
            secret: grant.secret)
        #expect(unknown.status == 401)
        #expect(try await HubHTTP.post(endpoint, json: batch).status == 401)
        #expect(try await HubHTTP.post(endpoint, json: batch, secret: String(repeating: "0", count: 64)).status == 401)
        #expect(try await HubHTTP.post(endpoint, json: batch, secret: other.secret).status == 401)
        let mismatch = try await HubHTTP.post(
            "\(hub.url)/api/halls/town-b/batches", json: batch, secret: other.secret)
        #expect(mismatch.status == 403)
        #expect(try await hub.store.events(of: "town-a").isEmpty)

        // The genuine batch is applied; the same request again is a replay.
        let body = try HallJSON.encoder().encode(batch)
        let accepted = try await HubHTTP.post(endpoint, body, secret: grant.secret)
        #expect(accepted.status == 200, "\(accepted.text)")
        let replay = try await HubHTTP.post(endpoint, body, secret: grant.secret)
        #expect(replay.status == 409)
        #expect(replay.text.contains("replayed"))
        // A replay carrying new events is refused whole.
        let tampered = SyncBatch(hall: "town-a", send: 1, after: 0, events: [event, SyncEvent(sequence: 2, type: "x", at: event.at)])
        #expect(try await HubHTTP.post(endpoint, json: tampered, secret: grant.secret).status == 409)
        #expect(try await hub.store.events(of: "town-a") == [event])

        // A resend after a lost acknowledgement (new send number) applies nothing twice.
        let resent = try await HubHTTP.post(
            endpoint, json: SyncBatch(hall: "town-a", send: 2, after: 0, events: [event]), secret: grant.secret)
        #expect(resent.status == 200)
        #expect(try HallJSON.decoder().decode(SyncAcknowledgement.self, from: resent.body).applied == 0)
        // A batch that skips events the hub never got: gap, with where to resume.
        let skipping = SyncBatch(hall: "town-a", send: 3, after: 5, events: [SyncEvent(sequence: 6, type: "x", at: event.at)])
        let gap = try await HubHTTP.post(endpoint, json: skipping, secret: grant.secret)
        #expect(gap.status == 409)
        #expect(try HallJSON.decoder().decode(HubErrorBody.self, from: gap.body).expectedAfter == 1)
        #expect(try await hub.store.events(of: "town-a").count == 1)
        await hub.shutdown()
    }

    @Test func aHallWithoutCodeOrWithAWrongCodeSendsNothing() async throws {
        let hub = try await HubTestBed()
        _ = try await hub.code(for: "town-a")
        let hall = try TestHall(id: "town-a", hub: hub.url, code: "AAAA-BBBB-CCCC")
        try await hall.makeEvents(tickets: 3)
        await #expect(throws: (any Error).self) { _ = try await hall.link.round() }
        #expect(try await hub.store.events(of: "town-a").isEmpty)
        #expect(try hub.postgres.psql("SELECT count(*) FROM hall_event", database: "hub") == "0")
        hall.remove()
        await hub.shutdown()
    }
}
