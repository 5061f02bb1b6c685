import Foundation
import HallTestSupport
import Testing

@testable import HallScanner

/// The service with the shipped `sane-test` profile, through libsane's test backend.
extension SaneBacked {
    @Suite struct ScannerServiceTests {
        init() throws { try TestSupport.useSaneFixture() }

        private func profile() throws -> ScannerProfile {
            let catalog = try ScannerCatalog.load(directory: PackagePaths.url("devices/scanners"))
            return try #require(catalog.profile(id: "sane-test"))
        }

        @Test func capturesAttachesAndExportsACase() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let index = InMemoryCaptureIndex()
            let service = ScannerService(profile: try profile(), store: CaptureStore(root: root), index: index)
            let status = await service.refresh()
            #expect(status.state == .ready && status.device == "test:0")

            let idCard = try await service.capture(caseID: "2024-0001", materialID: "id-card")
            #expect(idCard.map(\.pageNumber) == [1])
            let form = try await service.capture(
                caseID: "2024-0001", materialID: "application-form",
                options: ScanOptions(resolution: 75, colorMode: .gray, source: .adf, maxPages: 2))
            #expect(form.map(\.pageNumber) == [1, 2])
            let more = try await service.capture(
                caseID: "2024-0001", materialID: "application-form",
                options: ScanOptions(resolution: 75, colorMode: .gray))
            #expect(more.map(\.pageNumber) == [3])

            let records = try await service.records(caseID: "2024-0001")
            #expect(records.map(\.materialID) == ["application-form", "application-form", "application-form", "id-card"])
            let pdf = root.appendingPathComponent("case.pdf")
            try await service.exportPDF(caseID: "2024-0001").write(to: pdf)
            #expect(try TestSupport.pdfPageCount(pdf) == 4)
            #expect(await service.status.state == .ready)
            #expect(await service.status.lastError == nil)
        }

        @Test func deviceFaultStoresNothingAndIsReported() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let index = InMemoryCaptureIndex()
            var faulty = try profile()
            faulty.match.saneDevice = "test:1"
            let service = ScannerService(profile: faulty, store: CaptureStore(root: root), index: index)
            // The feeder jams (the backend answers sane_read with JAMMED): nothing may be kept.
            let options = ScanOptions(
                resolution: 50, colorMode: .gray, source: .adf, maxPages: 5,
                extraOptions: SaneFaults.options(status: "SANE_STATUS_JAMMED"))
            await #expect(throws: ScannerError.jammed) {
                try await service.capture(caseID: "C", materialID: "m", options: options)
            }
            #expect(TestSupport.files(under: root).isEmpty)
            #expect(await index.all.isEmpty)
            #expect(await service.status.lastError == "scanner_jammed")
        }

        @Test func profileMatchingNoDeviceIsAbsent() async throws {
            var absent = try profile()
            absent.match.saneDevice = "fujitsu:*"
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let service = ScannerService(profile: absent, store: CaptureStore(root: root), index: InMemoryCaptureIndex())
            #expect(await service.refresh().state == .absent)
            await #expect(throws: ScannerError.noDevice) { try await service.capture(caseID: "C", materialID: "m") }
        }

        @Test func monitoringNoticesTheDevice() async throws {
            let root = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let service = ScannerService(profile: try profile(), store: CaptureStore(root: root), index: InMemoryCaptureIndex())
            #expect(await service.status.state == .unknown)
            await service.startMonitoring(every: .milliseconds(50))
            var state = await service.status.state
            for _ in 0..<100 where state == .unknown {
                try await Task.sleep(for: .milliseconds(20))
                state = await service.status.state
            }
            await service.stopMonitoring()
            #expect(state == .ready)
            #expect(await service.status.checkedAt != nil)
        }
    }
}
