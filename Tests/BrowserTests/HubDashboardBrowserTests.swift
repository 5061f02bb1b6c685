import Foundation
import HallCore
import HallHub
import HallTestSupport
import Hummingbird
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The banner dashboard in headless Chromium at an office PC's 1366×768: a real hub on a real
/// PostgreSQL holding three halls' events, signed in on the page as a banner head.
@Suite(.serialized) struct HubDashboardBrowserTests {
    /// `count` tickets of `day` for `hall`: issued, a third of them called at window 1, and one bad rating.
    static func events(day: LocalDay, count: Int, timeZone: TimeZone) throws -> [SyncEvent] {
        let start = Date().addingTimeInterval(-3600)
        var json: [String] = []
        var sequence = 0
        func ticket(_ i: Int, _ state: String, called: Bool) -> String {
            let issued = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(i) * 60))
            let calledAt = called ? #","calledAt":"\#(ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(i) * 60 + 300)))""# : ""
            return #"{"number":"A\#(String(format: "%03d", i))","day":"\#(day)","serviceID":"\#(i % 2 == 0 ? "general" : "civil")","#
                + #""issuedServiceID":"general","priority":"normal","state":"\#(state)","issuedAt":"\#(issued)"\#(calledAt)}"#
        }
        for i in 1...count {
            sequence += 1
            let at = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(i) * 60))
            json.append(#"{"sequence":\#(sequence),"type":"ticket.issued","at":"\#(at)","ticket":\#(ticket(i, "waiting", called: false)),"data":{}}"#)
            if i % 3 == 0 {
                sequence += 1
                let calledAt = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(i) * 60 + 300))
                json.append(
                    #"{"sequence":\#(sequence),"type":"ticket.called","at":"\#(calledAt)","window":1,"#
                        + #""ticket":\#(ticket(i, "called", called: true)),"data":{}}"#)
            }
        }
        sequence += 1
        json.append(
            #"{"sequence":\#(sequence),"type":"rating.submitted","at":"\#(ISO8601DateFormatter().string(from: Date()))","window":1,"#
                + #""ticket":\#(ticket(3, "done", called: true)),"data":{"ratingID":"1","level":"dissatisfied","channel":"qr"}}"#)
        return try json.map { try HallJSON.decoder().decode(SyncEvent.self, from: Data($0.utf8)) }
    }

    @Test func theDashboardFitsAnOfficeScreenAndShowsEveryHall() async throws {
        let postgres = try PostgresServer()
        try await postgres.start()
        defer { postgres.stop() }
        try postgres.createDatabase("hub")
        var configuration = HubConfiguration.defaults
        configuration.database.socketPath = postgres.socketPath
        configuration.database.username = PostgresServer.user
        configuration.database.name = "hub"
        configuration.accounts.passwordCost = 4
        configuration.listen.port = try FreePort.next()
        var logger = Logger(label: "hall-hub.browser")
        logger.logLevel = .critical
        let database = HubDatabase(configuration.database, logger: logger)
        let pool = Task { await database.run() }
        defer { pool.cancel() }
        try await database.migrate()
        let store = HubStore(database: database)
        let accounts = BannerAccountService(store: store, passwords: BannerPasswords(cost: 4))
        #expect(try await accounts.createFirstAdministrator(username: "chief", displayName: "张伟", password: "banner-admin-2026", by: "test"))
        let chief = BannerAccount(username: "chief", displayName: "张伟", role: .admin)
        _ = try await accounts.create(
            BannerAccountCreation(username: "leader", displayName: "王旗长", role: .head, password: "oversee-2026"), by: chief, address: nil)
        let timeZone = TimeZone(identifier: configuration.timeZone) ?? .current
        let day = LocalDay(Date(), in: timeZone)
        let names = ["town-a": "阿拉坦额莫勒镇便民服务中心", "town-b": "宝格德乌拉苏木便民服务中心", "town-c": "呼和诺尔镇政务服务大厅"]
        for (index, hall) in names.keys.sorted().enumerated() {
            let code = try await store.issueEnrollmentCode(hall: hall, name: names[hall] ?? hall, issuedBy: "chief")
            _ = try await store.enroll(HubEnrollmentRequest(hall: hall, code: code))
            let events = try Self.events(day: day, count: 12 + 9 * index, timeZone: timeZone)
            // town-a and town-b report their windows (one of them paused); town-c has not (an older hall).
            let windows = (0..<(3 - index)).map { SyncWindow(number: $0 + 1, name: "\($0 + 1)号综合窗口", serviceIDs: ["general"], isOpen: $0 > 0) }
            _ = try await store.apply(
                SyncBatch(hall: hall, send: 1, after: 0, events: events, windows: index < 2 ? windows : nil), from: hall)
        }
        let calendar = try await store.publish(
            .calendar, content: Data(contentsOf: PackagePaths.url("data/calendar/cn-2026.json")), by: "chief", address: nil)
        try await store.record(HubPublicationReport(applied: true, message: "已启用"), of: calendar.id, from: "town-a", address: nil)
        let app = try HubApplication.make(configuration: configuration, store: store, logger: logger)
        let server = Task { try? await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        let browser = try await HubBrowser.start()
        defer { browser.close() }
        let driver = browser.driver

        try await driver.setViewport(width: 1366, height: 768)
        try await driver.open(URL(string: "http://127.0.0.1:\(configuration.listen.port)/")!)
        try await driver.waitVisible("#signin")
        try await driver.type("input[name=username]", "leader")
        try await driver.type("input[name=password]", "wrong-password")
        try await driver.click("#signin button")
        try await driver.waitUntil("the refusal", "return document.querySelector('#signin-error').textContent.includes('用户名或密码错误');")
        try await driver.type("input[name=password]", "oversee-2026")
        try await driver.click("#signin button")
        try await driver.waitUntil("the dashboard", "return document.body.dataset.ready === '1';")
        #expect(try await driver.text("#who").contains("王旗长（旗领导）"))
        let form = try await driver.script("return getComputedStyle(document.querySelector('#signin')).display;") as? String
        #expect(form == "none", "the sign-in form goes away once signed in")
        let rows = try await driver.script("return [...document.querySelectorAll('#today tbody tr')].map(r => r.dataset.hall);") as? [String]
        #expect(rows == ["town-a", "town-b", "town-c"])
        let issued = try await driver.script(
            "return [...document.querySelectorAll('#today tbody tr')].map(r => r.children[5].textContent);") as? [String]
        #expect(issued == ["12", "21", "30"])
        let windowCells = try await driver.script(
            "return [...document.querySelectorAll('#today tbody tr')].map(r => r.children[2].textContent + '|' + r.children[2].title);")
            as? [String]
        #expect(windowCells == ["2 / 3|1号 1号综合窗口（暂停）；2号 2号综合窗口（开放）；3号 3号综合窗口（开放）", "1 / 2|1号 1号综合窗口（暂停）；2号 2号综合窗口（开放）", "1|"])
        let runs = try await driver.script(
            "return [...document.querySelectorAll('#today tbody tr')].map(r => r.lastElementChild.textContent);") as? [String]
        #expect(runs == ["未下发目录 / 2026 年", "—", "—"])
        let bars = try await driver.script("return document.querySelectorAll('#charts svg rect').length;") as? Int
        #expect(bars == 9)
        #expect(try await driver.horizontalOverflow() == [])
        try await driver.screenshot(to: PackagePaths.url("artifacts/screenshots/hub-dashboard-1366x768.png"))
        let csv = try await driver.script("return document.querySelector('#csv').getAttribute('href');") as? String
        #expect(csv == "/api/dashboard/monthly.csv?month=\(String(day.description.prefix(7)))")
        await browser.quit()
    }
}

/// Debian's chromedriver on a free port with one headless Chromium session, for a page that is
/// not a hall's (the hub's).
final class HubBrowser: @unchecked Sendable {
    let driver: WebDriver
    private let process: Process

    private init(driver: WebDriver, process: Process) {
        self.driver = driver
        self.process = process
    }

    static func start() async throws -> HubBrowser {
        let port = try BrowserHarness.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BrowserHarness.chromedriver)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        do {
            for attempt in 0...200 {
                guard attempt < 200 else { throw WebDriver.Failure(description: "chromedriver did not start on port \(port)") }
                if (try? await DriverHTTP.send(port: port, method: "GET", path: "/status", body: nil).status) == 200 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            return HubBrowser(driver: try await WebDriver(port: port, chromium: BrowserHarness.chromium), process: process)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
    }

    func quit() async { await driver.quit() }

    /// Stops chromedriver (it does not always exit on SIGTERM).
    func close() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
