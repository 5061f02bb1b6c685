import Foundation
import HallCore
import HallServer
import HallTestSupport
import Testing

/// An intake test hall with the windows' scanners on SANE's `test` backend (the shipped
/// `devices/scanners/sane.d`, shared by every test of the binary since libsane fixes its
/// configuration directory once per process) and fault profiles:
///
/// | window | profile | device | |
/// |---|---|---|---|
/// | 1 | sane-test | test:0 | works |
/// | 2 | sane-test-slow | test:5 | a page takes seconds (busy) |
/// | 3 | sane-test-timeout | test:6 | ADF, 0.2 s per buffer, 1 s limit: times out mid-feed |
/// | 4 | sane-test-empty | test:7 | the feeder is empty |
/// | 5 | sane-test | test:9 | not connected |
/// | 6 | sane-test-jam | test:7 | jams |
/// | 7 | — | — | no scanner |
///
/// Every fault profile sets every fault option of the test backend (it keeps option values per
/// device for the life of the process).
enum CaptureTestHall {
    static let day = "2026-09-24"
    static let item = "disability-two-subsidies"
    static let saneConfig = PackagePaths.url("devices/scanners/sane.d").path

    static func make() throws -> IntakeTestHall {
        try IntakeTestHall(at: day) { configuration in
            let devices = URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("devices")
            try? writeProfiles(to: devices.appendingPathComponent("scanners"))
            configuration.devicesDirectory = devices.path
            configuration.windows += [
                ServiceWindow(number: 6, name: "上门服务", serviceIDs: ["comprehensive"]),
                ServiceWindow(number: 7, name: "咨询台", serviceIDs: ["comprehensive"]),
            ]
            configuration.hardware.scanners = .init(
                transport: .emulator,
                stations: [
                    .init(window: 1, profile: "sane-test", device: "test:0"),
                    .init(window: 2, profile: "sane-test-slow", device: "test:5"),
                    .init(window: 3, profile: "sane-test-timeout", device: "test:6"),
                    .init(window: 4, profile: "sane-test-empty", device: "test:7"),
                    .init(window: 5, profile: "sane-test", device: "test:9"),
                    .init(window: 6, profile: "sane-test-jam", device: "test:7"),
                ], saneConfigDirectory: saneConfig)
        }
    }

    private static func writeProfiles(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = PackagePaths.url("devices/scanners/sane-test.json")
        try FileManager.default.copyItem(at: shipped, to: folder.appendingPathComponent("sane-test.json"))
        func fault(_ id: String, status: String = "Default", delay: Int? = nil, defaults: String, timeout: Int) throws {
            var options = #""test-picture": "Color pattern", "read-return-value": "\#(status)""#
            if let delay {
                options += #", "read-delay": "yes", "read-delay-duration": "\#(delay)", "read-limit": "yes", "read-limit-size": "4096""#
            } else {
                options += #", "read-delay": "no", "read-limit": "no""#
            }
            let json = #"""
                {"id": "\#(id)", "name": "\#(id)", "backend": "sane", "match": {"saneDevice": "test:*"},
                 "defaults": \#(defaults), "formats": ["image/png"], "saneOptions": {\#(options)}, "timeoutSeconds": \#(timeout)}
                """#
            try Data(json.utf8).write(to: folder.appendingPathComponent("\(id).json"))
        }
        let colour = #"{"resolution": 150, "colorMode": "color"}"#
        try fault("sane-test-slow", delay: 60_000, defaults: colour, timeout: 60)
        try fault(
            "sane-test-timeout", delay: 200_000,
            defaults: #"{"resolution": 25, "colorMode": "gray", "source": "adf", "maxPages": 5}"#, timeout: 1)
        try fault("sane-test-empty", status: "SANE_STATUS_NO_DOCS", defaults: colour, timeout: 60)
        try fault("sane-test-jam", status: "SANE_STATUS_JAMMED", defaults: colour, timeout: 60)
    }

    /// Every file under the state directory's `captures/`.
    static func captureFiles(_ hall: IntakeTestHall) -> [String] {
        let root = hall.folder.appendingPathComponent("captures")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var directory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &directory)
            return !directory.boolValue
        }.sorted()
    }

    /// Runs a command-line tool (poppler, coreutils) and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try ExternalTool.run(tool, arguments)
        #expect(result.status == 0, "\(tool) failed")
        return result.output
    }
}

/// The capture API's page, as the tests read it.
struct CapturedPage: Decodable {
    var id: String
    var material: String
    var materialName: String
    var page: Int
    var mime: String
    var width: Int
    var height: Int
    var size: Int
    var sha256: String
    var imageURL: String
    var thumbnailURL: String
}

struct CapturedPages: Decodable {
    var window: Int
    var captures: [CapturedPage]
}

struct CaptureListing: Decodable {
    struct Material: Decodable { var id: String; var name: String; var pages: Int }
    var caseID: Int64
    var materials: [Material]
    var captures: [CapturedPage]
    var pdfURL: String
}
