import Foundation
import Testing

@testable import HallScanner

/// libsane with a configuration directory that enables no backend. libsane fixes its
/// configuration directory at the first `sane_init` of a process, so this runs in a child process.
struct SaneNoDeviceTests {
    static let childEnvironment = "HALL_SANE_EMPTY_CHILD"

    @Test(.enabled(if: !ChildRun.isChild(childEnvironment))) func noBackendMeansNoDevice() throws {
        try ChildRun.expectPasses(
            filter: "SaneNoDeviceTests/emptyConfigurationChild", testName: "emptyConfigurationChild",
            variable: Self.childEnvironment)
    }

    @Test(.enabled(if: ChildRun.isChild(childEnvironment))) func emptyConfigurationChild() async throws {
        let empty = TestSupport.fixtures.appendingPathComponent("sane-empty.d").path
        try #require(SaneRuntime.shared.useConfigDirectory(empty))
        #expect(try await SaneRuntime.shared.devices().isEmpty)
        await #expect(throws: ScannerError.noDevice) { try await SaneScanner().capture(ScanOptions(resolution: 50)) }
        #expect(await SaneDevicePresence(pattern: "*").devices().isEmpty)
        // The directory is now fixed for this process.
        #expect(!SaneRuntime.shared.useConfigDirectory(TestSupport.saneConfig.path))
    }
}
