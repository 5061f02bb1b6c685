import ArgumentParser
import Foundation
import HallCore

/// `hallctl post list|set|away|back|take`: AB posts (AB岗) of the windows.
struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "AB posts (AB岗): A and B staff per window; B covers while A is away.",
        subcommands: [List.self, Assign.self, Away.self, Back.self, Take.self])

    struct List: AsyncParsableCommand {
        @OptionGroup var options: GlobalOptions
        func run() async throws {
            let data = try await options.client.send("GET", "api/posts")
            try options.output(data) {
                try HallJSON.decoder().decode([WindowPostView].self, from: data).map(PostCommand.render).joined(separator: "\n")
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Assign a window's A and B posts (omit one to clear it).")
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        @Option(help: "User name of the A post (主岗).") var a: String?
        @Option(help: "User name of the B post (备岗).") var b: String?
        func run() async throws {
            let body: [String: Any] = ["a": a ?? NSNull(), "b": b ?? NSNull()]
            try await PostCommand.change(options, "PUT", "api/posts/\(window)", body)
        }
    }

    struct Away: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark the A post holder away: B is on duty.")
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        @Option(help: "Why (年休假, 外出上门服务, …).") var reason: String?
        func run() async throws {
            try await PostCommand.change(options, "POST", "api/posts/\(window)/away", ["reason": reason ?? ""])
        }
    }

    struct Back: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The A post holder is back on duty.")
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        func run() async throws { try await PostCommand.change(options, "POST", "api/posts/\(window)/back", nil) }
    }

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work at a window (as the console's window choice): its ID card reader reads for you; warns when you hold neither post.")
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        func run() async throws {
            let data = try await options.client.send("POST", "api/posts/\(window)/check")
            try options.output(data) {
                let check = try HallJSON.decoder().decode(PostCheck.self, from: data)
                return "已在\(check.window)号窗口（\(check.role.label)）" + (check.warning.map { "\n\($0)" } ?? "")
            }
        }
    }

    static func change(_ options: GlobalOptions, _ method: String, _ path: String, _ body: [String: Any]?) async throws {
        let data = try await options.client.send(method, path, body: body)
        try options.output(data) { render(try HallJSON.decoder().decode(WindowPostView.self, from: data)) }
    }

    static func render(_ p: WindowPostView) -> String {
        func name(_ s: StaffRef?) -> String { s.map { "\($0.displayName)(\($0.username))" } ?? "未设" }
        var line =
            Rendering.pad("\(p.window)号 \(p.windowName)", 18) + Rendering.pad("A岗 " + name(p.a), 24)
            + Rendering.pad("B岗 " + name(p.b), 24) + "值岗 " + (p.onDuty?.displayName ?? "-")
        if p.aAway { line += "（A岗离岗" + (p.awayReason.map { "：\($0)" } ?? "") + "）" }
        return line
    }
}
