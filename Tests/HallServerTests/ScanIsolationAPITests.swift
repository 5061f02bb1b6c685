import Foundation
import HallCore
import HallServer
import HallTestSupport
import HummingbirdTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Scanning in helper processes, through the API: a SANE backend that hangs or crashes
/// (`SaneFaultBackend`) costs one capture — a 503 the clerk can act on — while halld keeps
/// answering, and the `test` backend's capture still works end to end through its helper.
///
/// | window | device | profile time limit |
/// |---|---|---|
/// | 1 | test:0 | 60 s |
/// | 2 | hallfault:deadlock (waits for a lock a dead thread holds) | 1 s |
/// | 3 | hallfault:segv | 10 s |
/// | 4 | hallfault:abort | 10 s |
@Suite("Scanning in a child process over HTTP", .serialized)
struct ScanIsolationAPITests {
    private static func makeHall(saneConfig: URL) throws -> IntakeTestHall {
        try IntakeTestHall(at: CaptureTestHall.day) { configuration in
            let devices = URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("devices/scanners")
            try? FileManager.default.createDirectory(at: devices, withIntermediateDirectories: true)
            try? FileManager.default.copyItem(
                at: PackagePaths.url("devices/scanners/sane-test.json"), to: devices.appendingPathComponent("sane-test.json"))
            for (id, timeout) in [("hallfault-hang", 1), ("hallfault-crash", 10)] {
                let profile = #"""
                    {"id": "\#(id)", "name": "\#(id)", "backend": "sane", "match": {"saneDevice": "hallfault:*"},
                     "defaults": {"resolution": 50, "colorMode": "gray"}, "formats": ["image/png"], "timeoutSeconds": \#(timeout)}
                    """#
                try? Data(profile.utf8).write(to: devices.appendingPathComponent("\(id).json"))
            }
            configuration.devicesDirectory = devices.deletingLastPathComponent().path
            configuration.hardware.scanners = .init(
                transport: .sane,
                stations: [
                    .init(window: 1, profile: "sane-test", device: "test:0"),
                    .init(window: 2, profile: "hallfault-hang", device: "hallfault:deadlock"),
                    .init(window: 3, profile: "hallfault-crash", device: "hallfault:segv"),
                    .init(window: 4, profile: "hallfault-crash", device: "hallfault:abort"),
                ], saneConfigDirectory: saneConfig.path, saneBackendDirectory: SaneFaultBackend.libraryDirectory.path)
        }
    }

    @Test("a hung backend is killed after its time limit (503), halld answers meanwhile and after; a crash is a 503 too")
    func hangAndCrash() async throws {
        try SaneFaultBackend.requireBuilt()
        let saneConfig = try SaneFaultBackend.configDirectory()
        defer { try? FileManager.default.removeItem(at: saneConfig) }
        let hall = try Self.makeHall(saneConfig: saneConfig)
        defer { hall.remove() }
        try await hall.server.makeApplication(port: 0).test(.live) { client in
            let clerk = try await client.clerkToken("li.clerk")
            let (opened, openBody) = try await client.send(
                .post, "/api/cases", IntakeTestHall.openBody(item: CaptureTestHall.item, window: 1), token: clerk)
            #expect(opened == .created, "\(openBody)")
            let id = try HallJSON.decoder().decode(Case.self, from: Data(openBody.utf8)).id
            let path = "/api/cases/\(id)/captures"

            // Window 2's backend hangs: the capture runs on its own connection while halld answers others.
            let port = try #require(client.port)
            let started = ContinuousClock.now
            async let hung = CaptureAPITests.post(port: port, path, #"{"material":"application","window":2}"#, token: clerk)
            try await Task.sleep(for: .milliseconds(300))
            #expect(!SaneFaultBackend.processes(containing: "hallfault:deadlock").isEmpty, "the helper should be hanging now")
            for _ in 0..<3 {
                let asked = ContinuousClock.now
                #expect(try await client.send(.get, "/healthz").0 == .ok)
                #expect(try await client.send(.get, "/api/status").0 == .ok)
                #expect(ContinuousClock.now - asked < .milliseconds(500), "halld is slow while a scanner hangs")
                try await Task.sleep(for: .milliseconds(300))
            }
            let (status, body) = try await hung
            let took = ContinuousClock.now - started
            #expect(status == 503, "\(body)")
            let error = try errorBody(body)
            #expect(error.error == "scanner_unresponsive" && error.message.contains("无响应") && error.message.contains("检查设备连接"), "\(error)")
            // Its limit is 1 s; the helper ignored its own cancel then and was killed 2 s later.
            #expect(took >= .seconds(3) && took < .seconds(6), "answered after \(took)")
            #expect(SaneFaultBackend.processes(containing: "hallfault:deadlock").isEmpty, "the hung helper outlived its capture")

            // The next request scans on the test backend, through its helper, end to end.
            let (scanned, scannedBody) = try await client.send(.post, path, #"{"material":"id-card","window":1}"#, token: clerk)
            #expect(scanned == .created, "\(scannedBody)")

            // Backends that crash: a 503 naming the signal, at once.
            for (window, signal) in [(3, "SIGSEGV"), (4, "SIGABRT")] {
                let asked = ContinuousClock.now
                let (crashed, crashBody) = try await client.send(.post, path, #"{"material":"application","window":\#(window)}"#, token: clerk)
                #expect(crashed == .serviceUnavailable, "\(crashBody)")
                let crash = try errorBody(crashBody)
                #expect(crash.error == "scanner_crashed" && crash.message.contains(signal) && crash.message.contains("未保存"), "\(crash)")
                #expect(ContinuousClock.now - asked < .seconds(3))
            }

            // halld is still up; the faults are on record; only the good page was stored.
            #expect(try await client.send(.post, path, #"{"material":"photo","window":1}"#, token: clerk).0 == .created)
            let (_, scanners) = try await client.send(.get, "/api/scanners")
            let statuses = try JSONSerialization.jsonObject(with: Data(scanners.utf8)) as? [[String: Any]] ?? []
            let lastErrors = Dictionary(uniqueKeysWithValues: statuses.map { ($0["window"] as? Int ?? 0, $0["lastError"] as? String) })
            #expect(lastErrors[2] == "scanner_unresponsive" && lastErrors[3] == "scanner_crashed" && lastErrors[1] == .some(nil))
            let listing = try await client.decode(CaptureListing.self, .get, path, token: clerk)
            #expect(listing.captures.map(\.material).sorted() == ["id-card", "photo"])
            // The test pattern is the same both times: one content-addressed image and its thumbnail.
            #expect(CaptureTestHall.captureFiles(hall).count == 2, "\(CaptureTestHall.captureFiles(hall))")
        }
    }
}
