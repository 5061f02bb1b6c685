import Foundation
import HallServer
import Testing

@Suite("Configuration layers")
struct ConfigurationTests {
    @Test("defaults, file, environment and flags apply in that order")
    func precedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("halld-\(UUID()).json")
        try #"{"listen":{"port":9001,"host":"0.0.0.0"},"center":{"name":"测试中心"}}"#.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let c = try ConfigurationLoader.load(
            file: file.path, environment: ["HALL_LISTEN_PORT": "9002", "HALL_QUEUE_MAX_RECALLS": "4"],
            overrides: ["listen.port=9003"])
        #expect(c.listen.port == 9003)
        #expect(c.listen.host == "0.0.0.0")
        #expect(c.center.name == "测试中心")
        #expect(c.queue.maxRecalls == 4)
        #expect(c.services == HallConfiguration.demo.services)
        let env = try ConfigurationLoader.load(file: file.path, environment: ["HALL_LISTEN_PORT": "9002"], overrides: [])
        #expect(env.listen.port == 9002)
    }

    @Test("a bad configuration fails fast and names the key")
    func failures() throws {
        #expect(throws: ConfigurationError.unknownKey("listen.prot")) {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: ["listen.prot=1"])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "listen.port", reason: "must be 0…65535 (0: any free port)")) {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: ["listen.port=70000"])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "listen.port", reason: "wrong type or missing value")) {
            try ConfigurationLoader.load(file: nil, environment: [:], overrides: ["listen.port=abc"])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "queue.timeZoneIdentifier", reason: "unknown time zone Mars/Base")) {
            try ConfigurationLoader.load(file: nil, environment: ["HALL_QUEUE_TIME_ZONE_IDENTIFIER": "Mars/Base"], overrides: [])
        }
        #expect(throws: ConfigurationError.invalidValue(key: "windows.0.serviceIDs", reason: "unknown service 'nope'")) {
            try ConfigurationLoader.load(
                file: nil, environment: [:],
                overrides: [#"windows=[{"number":1,"name":"x","serviceIDs":["nope"],"isPaused":false}]"#])
        }
    }
}
