import Foundation
import HallCore
import HallStore

/// The shipped intake data under the configured `dataDirectory`: `catalog/sample-catalog.json`
/// and `calendar/*.json` (one file per year).
enum IntakeDataFiles {
    /// Seeds an empty database from the data folder. A missing folder seeds nothing (the catalog
    /// and calendars can still be imported through the API).
    static func seed(_ database: HallDatabase, dataDirectory: String, at date: Date) throws -> IntakeSeed.Result {
        let root = URL(fileURLWithPath: dataDirectory)
        let catalog = FileManager.default.contents(atPath: root.appendingPathComponent("catalog/sample-catalog.json").path)
        let calendarFolder = root.appendingPathComponent("calendar")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: calendarFolder.path)) ?? []
        let schedules = names.filter { $0.hasSuffix(".json") }.sorted()
            .compactMap { FileManager.default.contents(atPath: calendarFolder.appendingPathComponent($0).path) }
        return try IntakeSeed.seedIfEmpty(database, catalog: catalog, schedules: schedules, at: date)
    }
}
