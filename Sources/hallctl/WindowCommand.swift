import ArgumentParser
import HallCore

/// `hallctl window pause|unpause N`.
struct WindowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "window", abstract: "Pause or reopen a window.",
        subcommands: [Pause.self, Unpause.self])

    struct Pause: AsyncParsableCommand {
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        func run() async throws { try await WindowCommand.setWindow(options, window, "pause") }
    }

    struct Unpause: AsyncParsableCommand {
        @OptionGroup var options: GlobalOptions
        @Argument var window: Int
        func run() async throws { try await WindowCommand.setWindow(options, window, "unpause") }
    }

    static func setWindow(_ options: GlobalOptions, _ window: Int, _ action: String) async throws {
        let data = try await options.client.send("POST", "api/windows/\(window)/\(action)")
        try options.output(data) {
            let w = try HallJSON.decoder().decode(ServiceWindow.self, from: data)
            return "\(w.number)号窗口 \(w.isPaused ? "已暂停" : "已恢复服务")"
        }
    }
}

/// `hallctl status`.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Queues and windows at a glance.")
    @OptionGroup var options: GlobalOptions
    func run() async throws {
        let data = try await options.client.send("GET", "api/status")
        try options.output(data) { Rendering.status(try HallJSON.decoder().decode(HallStatus.self, from: data)) }
    }
}
