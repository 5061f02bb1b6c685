import Foundation
import HallCore
import HallHub
import HallTestSupport
import Testing

/// Downward: the banner administrator publishes the catalog and a year's calendar on the hub; a
/// hall fetches them through its link, applies them with its own import validation, and reports
/// which version it runs; a version its validation refuses is reported and not applied.
@Suite(.serialized) struct PublicationTests {
    @Test func aHallAppliesTheBannersCatalogAndCalendarAndRefusesABadVersion() async throws {
        let hub = try await BannerAccountTests.hubWithAdministrator()
        let hall = try TestHall(id: "town-a", hub: hub.url, code: try await hub.code(for: "town-a"))
        try await hall.drain()
        let admin = BannerClient(hub.url)
        try await admin.signIn("chief", BannerAccountTests.adminPassword)

        // The catalog as a local import reads it, with the banner's own version.
        var catalog = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: PackagePaths.url("data/catalog/sample-catalog.json"))) as? [String: Any])
        catalog["version"] = "2026-12 全旗统一事项清单"
        let catalogBody = try JSONSerialization.data(withJSONObject: catalog)
        let published = try await admin.send("POST", "/api/publications/catalog", body: catalogBody)
        #expect(published.status == 201, "\(published.text)")
        let calendarBody = try Data(contentsOf: PackagePaths.url("data/calendar/cn-2026.json"))
        #expect(try await admin.send("POST", "/api/publications/calendar", body: calendarBody).status == 201)
        // The hub checks a publication as a hall would before storing it.
        let broken = Data(#"{"version": "坏版本", "items": [{"id": ""}]}"#.utf8)
        let refusedAtHub = try await admin.send("POST", "/api/publications/catalog", body: broken)
        #expect(refusedAtHub.status == 400, "\(refusedAtHub.text)")
        #expect(try await admin.send("POST", "/api/publications/timetable", body: calendarBody).status == 400)
        // A banner head oversees but does not publish.
        let head = BannerAccountCreation(username: "leader", displayName: "王旗长", role: .head, password: "oversee-2026")
        #expect(try await admin.send("POST", "/api/accounts", json: head).status == 201)
        let leader = BannerClient(hub.url)
        try await leader.signIn("leader", "oversee-2026")
        #expect(try await leader.send("POST", "/api/publications/catalog", body: catalogBody).status == 403)

        // The hall fetches, applies with its own validation, and reports.
        let link = try hall.link
        let first = try await link.pullPublications()
        #expect(first.applied == 2 && first.refused == 0)
        #expect(try await hall.server.intake.service.catalog().version == "2026-12 全旗统一事项清单")
        #expect(try await link.pullPublications() == (0, 0), "reported versions are not fetched again")

        // A version the hall's validation refuses (published by an older hub that did not check it)
        // is reported as refused and not applied: the hall keeps running the banner's good catalog.
        let insert = #"INSERT INTO publication (kind, label, content, published_by) VALUES ('catalog', '坏版本', '"#
            + #"{"version": "坏版本", "items": [{"id": ""}]}', 'old-hub')"#
        _ = try hub.postgres.psql(insert, database: "hub")
        let second = try await link.pullPublications()
        #expect(second.applied == 0 && second.refused == 1)
        #expect(try await hall.server.intake.service.catalog().version == "2026-12 全旗统一事项清单")
        try await hall.drain()

        // What the hall runs is on the dashboard; the hall's imports crossed as events; all audited.
        let day = LocalDay(Date(), in: hall.server.configuration.queue.timeZone)
        let versions = try #require(try await hub.store.dashboard(day: day).first?.versions)
        #expect(versions == HubHallVersions(catalog: "2026-12 全旗统一事项清单", calendarYears: "2026", refused: 1))
        let imports = try await hub.store.events(of: "town-a").filter { $0.type == "catalog.imported" && $0.actor == "hub" }
        #expect(imports.map { $0.data["version"] } == ["2026-12 全旗统一事项清单"])
        let actions = try await hub.store.auditTrail().map { "\($0.actor) \($0.action)" }
        #expect(actions.filter { $0 == "chief publication.published" }.count == 2)
        #expect(actions.filter { $0 == "town-a publication.applied" }.count == 2 && actions.contains("town-a publication.refused"))
        hall.remove()
        await hub.shutdown()
    }
}
