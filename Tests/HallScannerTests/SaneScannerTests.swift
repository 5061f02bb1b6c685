import Foundation
import Testing

@testable import HallScanner

/// libsane end to end with SANE's `test` backend (a real backend producing real images), configured
/// through the shipped directory `devices/scanners/sane.d` (dll.conf = `test`, Debian's test.conf).
extension SaneBacked {
    @Suite struct SaneScannerTests {
        init() throws { try TestSupport.useSaneFixture() }

        /// The same scan through `scanimage`, for an independent reference image.
        private func reference(_ arguments: [String]) throws -> PNM {
            let config = TestSupport.saneConfig.path
            let result = try TestSupport.run(
                "scanimage", ["-d", "test:0", "--format=pnm"] + arguments,
                environment: ["SANE_CONFIG_DIR": config])
            try #require(result.status == 0, "scanimage failed")
            return try PNM(result.output)
        }

        @Test func listsTheTestDevices() async throws {
            let devices = try await SaneRuntime.shared.devices()
            #expect(devices.map(\.name).contains("test:0"))
            #expect(devices.allSatisfy { $0.vendor == "Noname" })
        }

        @Test func colourScanMatchesScanimagePixelForPixel() async throws {
            let options = ScanOptions(resolution: 100, colorMode: .color, extraOptions: ["test-picture": "Color pattern"])
            let pages = try await SaneScanner(device: "test:0").capture(options)
            let page = try #require(pages.first)
            #expect(pages.count == 1)
            let expected = try reference(["--mode", "Color", "--resolution", "100", "--test-picture", "Color pattern"])
            #expect(page.format == .rgb8)
            #expect(page.resolution == 100)
            #expect(page.width == expected.width && page.height == expected.height)
            #expect(page.bytes == expected.pixels)
            // The colour pattern really has colour: not all pixels grey.
            let bytes = [UInt8](page.bytes)
            #expect(stride(from: 0, to: bytes.count, by: 3).contains { bytes[$0] != bytes[$0 + 1] })
        }

        @Test func greyScanAtAnotherResolution() async throws {
            let options = ScanOptions(resolution: 75, colorMode: .gray, extraOptions: ["test-picture": "Grid"])
            let page = try #require(try await SaneScanner(device: "test:0").capture(options).first)
            let expected = try reference(["--mode", "Gray", "--depth", "8", "--resolution", "75", "--test-picture", "Grid"])
            #expect(page.format == .gray8)
            #expect(page.width == expected.width && page.height == expected.height)
            #expect(page.bytes == expected.pixels)
            #expect(Set(page.bytes).isSuperset(of: [0, 255]))
        }

        @Test func lineartFallsBackToOneBitGrey() async throws {
            let options = ScanOptions(resolution: 60, colorMode: .lineart, extraOptions: ["test-picture": "Grid"])
            let page = try #require(try await SaneScanner(device: "test:0").capture(options).first)
            let expected = try reference(["--mode", "Gray", "--depth", "1", "--resolution", "60", "--test-picture", "Grid"])
            #expect(expected.kind == "P4")
            #expect(page.width == expected.width && page.height == expected.height)
            // Expand the reference bitmap (1 = black) and compare.
            let rowBytes = (expected.width + 7) / 8
            let bits = [UInt8](expected.pixels)
            var gray: [UInt8] = []
            for row in 0..<expected.height {
                for x in 0..<expected.width {
                    gray.append((bits[row * rowBytes + x / 8] >> (7 - UInt8(x % 8))) & 1 == 1 ? 0 : 255)
                }
            }
            #expect([UInt8](page.bytes) == gray)
        }

        @Test func resolutionIsClampedToTheBackendRange() async throws {
            // The test backend's resolution range is 1..1200 dpi; 0 is raised to 1.
            let page = try #require(try await SaneScanner(device: "test:0").capture(ScanOptions(resolution: 0, colorMode: .gray)).first)
            let expected = try reference(["--mode", "Gray", "--depth", "8", "--resolution", "1"])
            #expect(page.resolution == 1)
            #expect(page.width == expected.width && page.height == expected.height)
        }

        @Test func adfTakesSeveralPagesUpToTheLimit() async throws {
            let options = ScanOptions(resolution: 50, colorMode: .gray, source: .adf, maxPages: 3)
            let pages = try await SaneScanner(device: "test:0").capture(options)
            #expect(pages.count == 3)
            #expect(Set(pages.map(\.width)).count == 1)
        }

        @Test func adfStopsWhenTheFeederRunsEmpty() async throws {
            // The test backend's feeder is "empty" after 10 scans per open: sane_start answers NO_DOCS.
            let options = ScanOptions(resolution: 25, colorMode: .gray, source: .adf, maxPages: 25)
            let pages = try await SaneScanner(device: "test:0").capture(options)
            #expect(pages.count == 10)
        }

        @Test(arguments: [
            ("SANE_STATUS_NO_DOCS", ScannerError.feederEmpty),
            ("SANE_STATUS_DEVICE_BUSY", ScannerError.deviceBusy),
            ("SANE_STATUS_JAMMED", ScannerError.jammed),
            ("SANE_STATUS_COVER_OPEN", ScannerError.coverOpen),
            ("SANE_STATUS_IO_ERROR", ScannerError.io("Error during device I/O")),
        ])
        func statusesMapToTypedErrors(status: String, expected: ScannerError) async throws {
            let options = ScanOptions(
                resolution: 50, colorMode: .gray, source: .adf, maxPages: 5,
                extraOptions: SaneFaults.options(status: status))
            await #expect(throws: expected) {
                try await SaneScanner(device: "test:1").capture(options)
            }
            // With the fault removed the same device scans again.
            let clean = ScanOptions(resolution: 50, colorMode: .gray, extraOptions: SaneFaults.options())
            #expect(try await SaneScanner(device: "test:1").capture(clean).count == 1)
        }

        @Test func feederEmptyHasTheClerkMessage() {
            #expect(ScannerError.feederEmpty.message.contains("ADF 无纸"))
            #expect(ScannerError.noDevice.message.contains("未检测到高拍仪/扫描仪"))
        }

        @Test func unknownDeviceIsNoDevice() async throws {
            await #expect(throws: ScannerError.noDevice) {
                try await SaneScanner(device: "test:99").capture(ScanOptions(resolution: 50))
            }
        }

        @Test func unsupportedOptionValueIsRefused() async throws {
            await #expect(throws: ScannerError.unsupported("test-picture=Plaid")) {
                try await SaneScanner(device: "test:0").capture(ScanOptions(resolution: 50, extraOptions: ["test-picture": "Plaid"]))
            }
        }

        @Test func slowScanTimesOut() async throws {
            // 200 ms delay per buffer: a 300 dpi colour page takes seconds; the watchdog cancels at 0.3 s.
            let options = ScanOptions(resolution: 300, colorMode: .color, extraOptions: SaneFaults.options(delayMicroseconds: 200_000))
            await #expect(throws: ScannerError.timeout) {
                try await SaneScanner(device: "test:1", timeout: .milliseconds(300)).capture(options)
            }
            // The next capture on the same device works (the handle was closed).
            let page = try await SaneScanner(device: "test:1").capture(
                ScanOptions(resolution: 25, colorMode: .gray, extraOptions: SaneFaults.options()))
            #expect(page.count == 1)
        }

        @Test func cancellingTheTaskCancelsTheScan() async throws {
            let options = ScanOptions(resolution: 300, colorMode: .color, extraOptions: SaneFaults.options(delayMicroseconds: 200_000))
            let task = Task { try await SaneScanner(device: "test:1", timeout: .seconds(60)).capture(options) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            await #expect(throws: ScannerError.cancelled) { try await task.value }
        }
    }
}
