import Foundation
import HallTestSupport
import Testing

@testable import HallScanner

/// SANE in helper processes (halld's own binary, `halld scan-helper`): the `test` backend's pages
/// arrive whole, and the backend built to misbehave (`SaneFaultBackend`) costs one capture — a
/// hang is killed at its deadline, a crash is reported — never this process.
extension SaneBacked {
    @Suite struct IsolatedSaneScannerTests {
        init() throws { try TestSupport.useSaneFixture() }

        private func helper(killGrace: Duration = .milliseconds(500), listTimeout: Duration = .seconds(15)) throws -> SaneHelper {
            var helper = try #require(SaneHelper.locate(), "no halld beside the test binary: build it (swift build --build-tests)")
            helper.killGrace = killGrace
            helper.listTimeout = listTimeout
            return helper.addingLibraryDirectory(SaneFaultBackend.libraryDirectory.path)
        }

        private func seconds(since start: ContinuousClock.Instant) -> Double {
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            return Double(seconds) + Double(attoseconds) / 1e18
        }

        @Test func theTestBackendScansTheSameThroughTheHelper() async throws {
            let options = ScanOptions(resolution: 100, colorMode: .color, extraOptions: ["test-picture": "Color pattern"])
            let isolated = IsolatedSaneScanner(helper: try helper(), device: "test:0", configDirectory: TestSupport.saneConfig.path)
            let start = ContinuousClock.now
            let pages = try await isolated.capture(options)
            let took = seconds(since: start)
            let local = try await SaneScanner(device: "test:0").capture(options)
            #expect(pages == local, "the helper's page differs from libsane's in this process")
            #expect(pages.first?.format == .rgb8 && pages.first?.width ?? 0 > 100)
            #expect(took < 5, "a capture through the helper took \(took) s")
        }

        @Test func severalFeederPagesArriveInOrder() async throws {
            let options = ScanOptions(resolution: 50, colorMode: .gray, source: .adf, maxPages: 3)
            let pages = try await IsolatedSaneScanner(helper: try helper(), device: "test:0", configDirectory: TestSupport.saneConfig.path)
                .capture(options)
            #expect(pages.count == 3 && pages.allSatisfy { $0.format == .gray8 && !$0.bytes.isEmpty })
        }

        @Test func theHelpersOwnTimeLimitCancelsASlowScan() async throws {
            // 0.2 s per buffer: the helper cancels at 0.5 s and reports a timeout; nothing is killed.
            let options = ScanOptions(resolution: 300, colorMode: .color, extraOptions: SaneFaults.options(delayMicroseconds: 200_000))
            let scanner = IsolatedSaneScanner(
                helper: try helper(), device: "test:1", configDirectory: TestSupport.saneConfig.path, timeout: .milliseconds(500))
            await #expect(throws: ScannerError.timeout) { try await scanner.capture(options) }
        }

        @Test func aFaultBackendScansWhenItBehaves() async throws {
            try SaneFaultBackend.requireBuilt()
            let config = try SaneFaultBackend.configDirectory()
            defer { try? FileManager.default.removeItem(at: config) }
            let pages = try await IsolatedSaneScanner(helper: try helper(), device: "hallfault:good", configDirectory: config.path)
                .capture(ScanOptions(resolution: 50, colorMode: .gray))
            #expect(pages == [ScannedPage(width: 16, height: 8, format: .gray8, bytes: Data((0..<128).map { UInt8($0 * 2) }))])
        }

        @Test func aHungBackendIsKilledAtTheDeadline() async throws {
            try SaneFaultBackend.requireBuilt()
            let config = try SaneFaultBackend.configDirectory()
            defer { try? FileManager.default.removeItem(at: config) }
            let scanner = IsolatedSaneScanner(
                helper: try helper(killGrace: .milliseconds(500)), device: "hallfault:deadlock", configDirectory: config.path,
                timeout: .seconds(1))
            let start = ContinuousClock.now
            await #expect(throws: ScannerError.unresponsive) { try await scanner.capture(ScanOptions(resolution: 50, colorMode: .gray)) }
            let took = seconds(since: start)
            // Killed at 1 s + 0.5 s: the backend ignored the helper's own cancel at 1 s.
            #expect(took >= 1.5 && took < 3, "took \(took) s")
            #expect(SaneFaultBackend.processes(containing: "hallfault:deadlock").isEmpty, "the hung helper is still running")
        }

        @Test(arguments: [("hallfault:segv", "SIGSEGV"), ("hallfault:abort", "SIGABRT"), ("hallfault:exit", "exit status 3")])
        func aCrashingBackendIsReported(device: String, detail: String) async throws {
            try SaneFaultBackend.requireBuilt()
            let config = try SaneFaultBackend.configDirectory()
            defer { try? FileManager.default.removeItem(at: config) }
            let scanner = IsolatedSaneScanner(helper: try helper(), device: device, configDirectory: config.path, timeout: .seconds(10))
            let start = ContinuousClock.now
            await #expect(throws: ScannerError.crashed(detail)) { try await scanner.capture(ScanOptions(resolution: 50, colorMode: .gray)) }
            #expect(seconds(since: start) < 5)
            // The next capture, on a device that works, is not affected.
            let pages = try await IsolatedSaneScanner(helper: try helper(), device: "test:0", configDirectory: config.path)
                .capture(ScanOptions(resolution: 25, colorMode: .gray))
            #expect(pages.count == 1)
        }

        @Test func devicesAreListedByAHelper() async throws {
            try SaneFaultBackend.requireBuilt()
            let config = try SaneFaultBackend.configDirectory()
            defer { try? FileManager.default.removeItem(at: config) }
            let list = IsolatedSaneDeviceList(helper: try helper(), configDirectory: config.path)
            let names = try await list.devices().map(\.name)
            #expect(names.contains("test:0") && names.contains("hallfault:deadlock"))
            #expect(await SaneDevicePresence(pattern: "hallfault:*", source: list).devices().count == 5)
        }

        @Test(arguments: [("deadlock", ScannerError.unresponsive), ("segv", ScannerError.crashed("SIGSEGV"))])
        func aListingThatHangsOrCrashesCostsNothingElse(fault: String, expected: ScannerError) async throws {
            try SaneFaultBackend.requireBuilt()
            let config = try SaneFaultBackend.configDirectory(listFault: fault)
            defer { try? FileManager.default.removeItem(at: config) }
            let list = IsolatedSaneDeviceList(helper: try helper(listTimeout: .seconds(1)), configDirectory: config.path, maxAge: .zero)
            let start = ContinuousClock.now
            await #expect(throws: expected) { try await list.devices() }
            #expect(seconds(since: start) < 3)
            // A scanner's presence check sees no device instead of hanging.
            #expect(await SaneDevicePresence(pattern: "*", source: list).devices().isEmpty)
        }

        @Test func callersAtTheSameTimeShareOneListing() async throws {
            // A stand-in helper that counts its runs and lists one device.
            let folder = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let count = folder.appendingPathComponent("runs")
            let report =
                #"{"kind":"devices","payloadBytes":0,"devices":[{"name":"test:0","vendor":"v","model":"m","type":"t"}]}"#
                + "\\n" + #"{"kind":"done","payloadBytes":0}"# + "\\n"
            let script = "echo run >> '\(count.path)'; sleep 0.3; printf '%b' '\(report)'"
            let helper = SaneHelper(executable: "/bin/sh", arguments: ["-c", script, "helper"])
            let list = IsolatedSaneDeviceList(helper: helper, configDirectory: nil, maxAge: .seconds(1))
            func runs() -> Int { (try? String(contentsOf: count, encoding: .utf8))?.split(separator: "\n").count ?? 0 }

            async let first = list.devices()
            async let second = list.devices()
            let (a, b) = try await (first, second)
            #expect(a.map(\.name) == ["test:0"] && a == b)
            #expect(runs() == 1, "two callers at once started \(runs()) helpers")
            _ = try await list.devices()
            #expect(runs() == 1, "a fresh list was not reused")
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await list.devices()
            #expect(runs() == 2)
        }
    }
}
