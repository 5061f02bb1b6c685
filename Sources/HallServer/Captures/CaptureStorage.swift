import Foundation
import HallScanner
import HallStore

/// Where captured pages live: files under `<stateDirectory>/captures/`, records in SQLite, with the
/// configured size limits. Built the same way for the scanners and for the capture API.
struct CaptureStorage: Sendable {
    let store: CaptureStore
    let index: SQLiteCaptureIndex

    init(configuration: HallConfiguration, database: HallDatabase) {
        let settings = configuration.hardware.scanners
        let megabyte = 1024.0 * 1024.0
        store = CaptureStore(
            root: URL(fileURLWithPath: configuration.stateDirectory),
            limits: CaptureLimits(
                maxFileBytes: Int(settings.maxPageMegabytes * megabyte),
                maxCaseBytes: Int(settings.maxCaseMegabytes * megabyte)))
        index = SQLiteCaptureIndex(database)
    }
}
