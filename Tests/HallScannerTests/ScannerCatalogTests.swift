import Foundation
import HallTestSupport
import Testing

@testable import HallScanner

struct ScannerCatalogTests {
    private let directory = PackagePaths.url("devices/scanners")

    @Test func loadsTheShippedProfiles() throws {
        let catalog = try ScannerCatalog.load(directory: directory)
        let test = try #require(catalog.profile(id: "sane-test"))
        #expect(test.backend == .sane && test.match.saneDevice == "test:*")
        #expect(test.captureOptions.extraOptions["test-picture"] == "Color pattern")
        let adf = try #require(catalog.profile(id: "sane-adf-generic"))
        #expect(adf.defaults.source == .adf && adf.defaults.maxPages > 1)
        let camera = try #require(catalog.profiles.first { $0.backend == .uvc })
        #expect(camera.camera != nil)
        #expect(catalog.profiles.filter { $0.backend == .uvc }.map { $0.camera?.pixelFormat }.sorted { ($0 ?? "") < ($1 ?? "") } == ["MJPG", "YUYV"])
    }

    @Test func rejectsAUVCProfileWithoutCameraSettings() throws {
        let json = #"{"id":"x","name":"x","backend":"uvc","match":{},"defaults":{},"formats":["image/png"]}"#
        let profile = try JSONDecoder().decode(ScannerProfile.self, from: Data(json.utf8))
        #expect(throws: CatalogError.invalid("x", "camera")) { try ScannerCatalog(profiles: [profile]) }
    }

    @Test func rejectsDuplicateIDs() throws {
        let catalog = try ScannerCatalog.load(directory: directory)
        let first = try #require(catalog.profiles.first)
        #expect(throws: CatalogError.duplicateID(first.id)) { try ScannerCatalog(profiles: [first, first]) }
    }
}
