import Foundation
import HallCore
import Testing

@Suite("First-run setup: when it is offered, the one-time code, what it asks")
struct SetupRulesTests {
    @Test("only a hall nobody configured is fresh")
    func freshness() {
        let fresh = FirstRun(
            hasSetupRecord: false, hasAccounts: false, centerNameConfigured: false, demoAccounts: false, initialAdminPasswordSet: false)
        #expect(fresh.offersSetup)
        for change: WritableKeyPath<FirstRun, Bool> in [
            \.hasSetupRecord, \.hasAccounts, \.centerNameConfigured, \.demoAccounts, \.initialAdminPasswordSet,
        ] {
            var other = fresh
            other[keyPath: change] = true
            #expect(!other.offersSetup, "\(change)")
        }
    }

    @Test("the code is random, readable, matched leniently and voided once setup completes")
    func code() throws {
        var generator = SystemRandomNumberGenerator()
        let code = SetupCode.make(using: &generator)
        let text = code.description
        #expect(text.count == 14 && text.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(!text.contains { "01ilo".contains($0) }, "no look-alikes")
        #expect(SetupCode.make(using: &generator) != code)
        #expect(code.matches(text) && code.matches(text.uppercased()) && code.matches(text.replacingOccurrences(of: "-", with: " ")))
        #expect(!code.matches(String(text.dropLast())) && !code.matches(text + "a") && !code.matches("") && !code.matches(text + text))
        var gate = SetupGate(code: code)
        #expect(throws: SetupError.wrongCode) { try gate.admit("aaaa-bbbb-cccc") }
        #expect(throws: Never.self) { try gate.admit(text) }
        gate.complete()
        #expect(throws: SetupError.alreadyDone) { try gate.admit(text) }
        #expect(throws: SetupError.alreadyDone) { try SetupGate.closed.admit("") }
    }

    func setup(
        name: String = "乌兰陶勒盖镇便民服务中心", phone: String = "0477-7552004", url: String = "http://192.168.1.10:8080/",
        password: String = "good-pass-1", services: [Service]? = nil, windows: [ServiceWindow]? = nil
    ) -> CenterSetup {
        CenterSetup(centerName: name, centerPhone: phone, publicBaseURL: url, adminPassword: password, services: services, windows: windows)
    }

    @Test("the center, the address and the password are checked")
    func center() throws {
        let valid = try setup(name: "  乌兰陶勒盖镇便民服务中心 ").validated()
        #expect(valid.centerName == "乌兰陶勒盖镇便民服务中心" && valid.publicBaseURL == "http://192.168.1.10:8080")
        #expect(throws: SetupError.invalidCenterName) { try setup(name: "中").validated() }
        #expect(throws: SetupError.invalidCenterName) { try setup(name: "中心\n二").validated() }
        #expect(throws: SetupError.invalidPhone) { try setup(phone: "call me").validated() }
        #expect(throws: SetupError.invalidPhone) { try setup(phone: "12").validated() }
        for url in ["192.168.1.10", "ftp://hall", "http://", "http://hall/t/", "http://hall?x=1", "http://u:p@hall", "http://ha ll"] {
            #expect(throws: SetupError.self, "\(url)") { try setup(url: url).validated() }
        }
        #expect(throws: Never.self) { try setup(url: "https://hall.example.cn").validated() }
        #expect(throws: AccessError.weakPassword) { try setup(password: "12345678").validated() }
        #expect(throws: AccessError.weakPassword) { try setup(password: "admin").validated() }
    }

    @Test("services and windows come together, unique, known and short")
    func catalog() throws {
        let services = [Service(id: "service-a", name: " 综合窗口 ", prefix: "a", typicalServiceMinutes: 10)]
        let windows = [ServiceWindow(number: 1, name: "综合受理窗口", serviceIDs: ["service-a"], isPaused: true)]
        let valid = try setup(services: services, windows: windows).validated()
        #expect(valid.services?.first?.name == "综合窗口" && valid.services?.first?.prefix == "A")
        #expect(valid.windows?.first?.isPaused == false)
        #expect(throws: SetupError.servicesWithoutWindows) { try setup(services: services).validated() }
        #expect(throws: SetupError.self) { try setup(services: [], windows: windows).validated() }
        let twice = services + [Service(id: "service-b", name: "社保", prefix: "A", typicalServiceMinutes: 8)]
        #expect(throws: SetupError.invalidService(index: 1, reason: "号码字头“A”重复。")) { try setup(services: twice, windows: windows).validated() }
        let slow = [Service(id: "service-a", name: "综合", prefix: "A", typicalServiceMinutes: 0)]
        #expect(throws: SetupError.self) { try setup(services: slow, windows: windows).validated() }
        let unknown = [ServiceWindow(number: 1, name: "一", serviceIDs: ["nope"])]
        #expect(throws: SetupError.invalidWindow(index: 0, reason: "没有编号为“nope”的业务。")) {
            try setup(services: services, windows: unknown).validated()
        }
        let same = windows + [ServiceWindow(number: 1, name: "二", serviceIDs: ["service-a"])]
        #expect(throws: SetupError.invalidWindow(index: 1, reason: "窗口号 1 重复。")) { try setup(services: services, windows: same).validated() }
        #expect(SetupError.invalidWindow(index: 1, reason: "x").kind == .invalidInput && SetupError.wrongCode.kind == .forbidden)
    }
}
