import Foundation
import HallCore
import HallServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("First-run setup over HTTP: the code, throttling, the stored center, the admin account")
struct SetupAPITests {
    /// A fresh hall's configuration: no admin password, no demo accounts, a cheap bcrypt cost.
    static func freshConfiguration(_ adjust: (inout HallConfiguration) -> Void = { _ in }) -> (HallConfiguration, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-setup-\(UUID().uuidString)")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.hardware = .none
        configuration.accounts.passwordCost = 4
        configuration.accounts.throttleFreeFailures = 3
        adjust(&configuration)
        return (configuration, folder)
    }

    static let body = #"""
        {"code":"CODE","centerName":"乌兰陶勒盖镇便民服务中心","centerPhone":"0477-7550000",
         "publicBaseURL":"http://192.168.10.2:8080","adminPassword":"setup-admin-2026",
         "services":[{"id":"service-a","name":"综合窗口","prefix":"A","typicalServiceMinutes":12},
                     {"id":"service-b","name":"社保医保","prefix":"B"}],
         "windows":[{"number":1,"name":"综合受理窗口","serviceIDs":["service-a","service-b"]},
                    {"number":2,"name":"社保窗口","serviceIDs":["service-b"]}]}
        """#

    @Test("only a fresh hall is offered setup")
    func offered() throws {
        let (fresh, folder) = Self.freshConfiguration()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try HallSetupServer.offer(configuration: fresh, keys: ConfiguredKeys(["center.name"])) == nil, "the file names the center")
        #expect(try HallSetupServer.offer(configuration: fresh, keys: ConfiguredKeys(["center"])) == nil)
        var demo = fresh
        demo.accounts.demoAccounts = true
        #expect(try HallSetupServer.offer(configuration: demo, keys: ConfiguredKeys()) == nil, "make run's demo")
        var password = fresh
        password.accounts.initialAdminPassword = "initial-pass-1"
        #expect(try HallSetupServer.offer(configuration: password, keys: ConfiguredKeys()) == nil)
        #expect(try HallSetupServer.offer(configuration: fresh, keys: ConfiguredKeys(["listen.host", "services"])) != nil)
        // A hall started before (its first administrator exists) is never fresh again.
        _ = try HallServer(configuration: fresh)
        #expect(try HallSetupServer.offer(configuration: fresh, keys: ConfiguredKeys()) == nil)
    }

    @Test("wrong codes → 403, throttled after 3; the right one stores the center and creates admin; the code is void afterwards")
    func setup() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_790_000_000))
        let (configuration, folder) = Self.freshConfiguration()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setup = try #require(try HallSetupServer.offer(configuration: configuration, keys: ConfiguredKeys(), clock: clock))
        let file = setup.codeFile
        let code = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        #expect(code.count == 14)
        try await setup.makeApplication(port: 0).test(.live) { client in
            let (_, pending) = try await client.send(.get, "/api/setup", token: "")
            #expect(pending.contains(#""state":"pending""#) && pending.contains("addresses") && pending.contains("社保医保"))
            #expect(!pending.contains(code), "the code is never in an answer")
            #expect(try await client.send(.get, "/setup/", token: "").0 == .ok)
            #expect(try await client.send(.get, "/assets/hall.js", token: "").0 == .ok)
            let (redirect, _) = try await client.execute(uri: "/admin/", method: .get) { ($0.status, $0.headers[.location]) }
            #expect(redirect == .found)
            let (closed, closedBody) = try await client.send(.get, "/api/status", token: "")
            #expect(try closed == .serviceUnavailable && errorBody(closedBody).error == "setup_required", "the API is closed until setup")
            #expect(try await client.send(.post, "/api/session", #"{"username":"admin","password":"x"}"#, token: "").0 == .serviceUnavailable)
            #expect(try await client.send(.get, "/healthz", token: "").1.contains(#""status":"setup""#))

            let wrong = Self.body.replacingOccurrences(of: "CODE", with: "aaaa-bbbb-cccc")
            for _ in 0..<3 {
                let (status, body) = try await client.send(.post, "/api/setup", wrong, token: "")
                #expect(try status == .forbidden && errorBody(body).error == "wrong_setup_code")
            }
            let right = Self.body.replacingOccurrences(of: "CODE", with: code)
            let (throttled, throttledBody) = try await client.send(.post, "/api/setup", right, token: "")
            #expect(try throttled == .tooManyRequests && errorBody(throttledBody).message.contains("设置码错误次数过多"))
            clock.advance(31)
            let weak = right.replacingOccurrences(of: "setup-admin-2026", with: "12345678")
            #expect(try await client.send(.post, "/api/setup", weak, token: "").0 == .badRequest)
            let lonely = right.replacingOccurrences(of: #""windows":["#, with: #""ignored":["#)
            #expect(try await client.send(.post, "/api/setup", lonely, token: "").0 == .badRequest, "services without windows")
            #expect(FileManager.default.fileExists(atPath: file.path), "a refused setup leaves the code valid")

            let (done, doneBody) = try await client.send(.post, "/api/setup", right, token: "")
            #expect(done == .created && doneBody.contains(#""state":"done""#), "\(doneBody)")
            #expect(!FileManager.default.fileExists(atPath: file.path), "the code file is removed")
            let (again, againBody) = try await client.send(.post, "/api/setup", right, token: "")
            #expect(try again == .conflict && errorBody(againBody).error == "setup_done")
            #expect(try await client.send(.get, "/api/setup", token: "").1.contains(#""state":"done""#))
        }
        let completed = await setup.completed()
        #expect(completed && setup.isComplete)

        // The hall halld starts next: the stored center, services and windows, the new admin.
        let hall = try HallServer(configuration: configuration, clock: clock)
        #expect(hall.configuration.center.name == "乌兰陶勒盖镇便民服务中心" && hall.configuration.center.publicBaseURL == "http://192.168.10.2:8080")
        #expect(hall.configuration.services.map(\.prefix) == ["A", "B"] && hall.configuration.windows.map(\.number) == [1, 2])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("initial-admin-password").path))
        try await hall.makeApplication(port: 0).test(.live) { client in
            let admin = try await client.signIn("admin", "setup-admin-2026")
            let (_, status) = try await client.send(.get, "/api/status", token: admin)
            #expect(status.contains("service-b") && !status.contains("civil-affairs"))
            let right = Self.body.replacingOccurrences(of: "CODE", with: code)
            let (again, againBody) = try await client.send(.post, "/api/setup", right, token: "")
            #expect(try again == .conflict && errorBody(againBody).error == "setup_done", "the code is void in the running hall")
            #expect(try await client.send(.get, "/api/setup", token: "").1.contains(#""state":"done""#))
            let (_, audit) = try await client.send(.get, "/api/audit", token: admin)
            #expect(audit.contains("setup.completed") && audit.contains("setup.failed"))
        }
        // What the configuration file sets wins over setup; the rest comes from setup.
        let configured = try HallServer(configuration: configuration, keys: ConfiguredKeys(["center.phone"]))
        #expect(configured.configuration.center.phone == HallConfiguration.demo.center.phone)
        #expect(configured.configuration.center.name == "乌兰陶勒盖镇便民服务中心")
        #expect(configured.configuration.services.map(\.prefix) == ["A", "B"])
        let record = SetupRecord(
            CenterSetup(
                centerName: "乙镇便民服务中心", centerPhone: "0477-7550001", publicBaseURL: "http://hall.example.cn", adminPassword: "",
                services: hall.configuration.services, windows: hall.configuration.windows),
            completedAt: clock.now(), completedFrom: nil)
        #expect(configuration.applyingSetup(record, except: ConfiguredKeys()).services.map(\.prefix) == ["A", "B"])
        let fileCatalog = configuration.applyingSetup(record, except: ConfiguredKeys(["windows"]))
        #expect(fileCatalog.services == HallConfiguration.demo.services, "services and windows go together")
        #expect(fileCatalog.windows == HallConfiguration.demo.windows && fileCatalog.center.name == "乙镇便民服务中心")
        #expect(try HallSetupServer.offer(configuration: configuration, keys: ConfiguredKeys()) == nil, "set up once, never fresh again")
    }

    @Test("a hall configured by its file says so, and refuses a setup code")
    func configuredByFile() async throws {
        let (server, folder) = try makeServer()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await server.makeApplication(port: 0).test(.live) { client in
            #expect(try await client.send(.get, "/api/setup", token: "").1.contains(#""state":"configured""#))
            let (status, body) = try await client.send(.post, "/api/setup", Self.body, token: "")
            #expect(try status == .conflict && errorBody(body).message.contains("已完成首次设置"))
        }
    }
}
