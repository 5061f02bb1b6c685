import ArgumentParser
import Foundation

/// Reads a JSON file as a request body for the import endpoints.
enum ImportFile {
    static func body(_ path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("无法读取文件 \(path)") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(path) 不是 JSON 对象")
        }
        return object
    }
}

/// `hallctl catalog import FILE`.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "The catalog of service items.",
        subcommands: [List.self, Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate and import a catalog file (replaces the current one).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Catalog JSON, like data/catalog/sample-catalog.json.") var file: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/catalog/import", body: try ImportFile.body(file))
            try options.output(data) {
                let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
                return "已导入事项清单：\(answer["items"] ?? "?") 个事项" + ((answer["version"] as? String).map { "（\($0)）" } ?? "")
            }
        }
    }
}

/// `hallctl calendar import FILE`.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The working-day calendar.",
        subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate and import a year's official holiday schedule.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Schedule JSON, like data/calendar/cn-2026.json.") var file: String
        @Flag(help: "Replace an already imported year.") var replace = false

        func run() async throws {
            let data = try await options.client.send(
                "POST", "api/calendar/import",
                query: replace ? [URLQueryItem(name: "replace", value: "true")] : [],
                body: try ImportFile.body(file))
            try options.output(data) {
                let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
                let years = (answer["coveredYears"] as? [Int])?.map(String.init).joined(separator: "、") ?? "?"
                return "已导入 \(answer["year"] ?? "?") 年节假日安排；已覆盖年份：\(years)"
            }
        }
    }
}
