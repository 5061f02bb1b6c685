import ArgumentParser
import Foundation
import HallCore

/// `hallctl hours show|set|reset`: the opening hours (per season) and the coming days.
struct HoursCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours", abstract: "Opening hours: show, replace (head/admin) or return to the configured ones.",
        subcommands: [Show.self, Set.self, Reset.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the hours in force and the next days.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "How many days to list.") var days: Int = 7

        func run() async throws {
            let data = try await options.client.send("GET", "api/hours", query: [URLQueryItem(name: "days", value: String(days))])
            try options.output(data) { ExtendedRendering.hours(try HallJSON.decoder().decode(HoursView.self, from: data)) }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the opening hours with a JSON file: {\"seasons\":[{\"name\",\"from\":\"05-01\",\"to\","
                + "\"sessions\":[{\"start\":\"08:30\",\"end\":\"12:00\"}],\"weekdays\":{\"6\":[…]}}]}."
        )
        @OptionGroup var options: GlobalOptions
        @Argument(help: "JSON file with the seasons.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file),
                let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else {
                throw ValidationError("\(file) 不是 JSON 对象")
            }
            let answer = try await options.client.send("PUT", "api/hours", body: body)
            try options.output(answer) { ExtendedRendering.hours(try HallJSON.decoder().decode(HoursView.self, from: answer)) }
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Return to the configured opening hours.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("DELETE", "api/hours")
            try options.output(data) { ExtendedRendering.hours(try HallJSON.decoder().decode(HoursView.self, from: data)) }
        }
    }
}
