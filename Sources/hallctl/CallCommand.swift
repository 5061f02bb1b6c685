import ArgumentParser
import HallCore

/// `hallctl call next|ticket|recall|skip|start|finish|hold|resume|transfer --window N`.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Act at a window: call, recall, skip, start, finish, hold, resume, transfer.",
        subcommands: [Next.self, Recall.self, Skip.self, Start.self, Finish.self, Hold.self, Ticket.self, Resume.self, Transfer.self])

    struct Next: WindowAction {
        static let path = "call-next"; static let configuration = CommandConfiguration(abstract: "Call the next ticket.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }
    struct Recall: WindowAction {
        static let path = "recall"; static let configuration = CommandConfiguration(abstract: "Call the current ticket again.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }
    struct Skip: WindowAction {
        static let path = "skip"; static let configuration = CommandConfiguration(abstract: "Mark the called ticket a no-show.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }
    struct Start: WindowAction {
        static let path = "start"; static let configuration = CommandConfiguration(abstract: "The resident has arrived; start serving.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }
    struct Finish: WindowAction {
        static let path = "finish"; static let configuration = CommandConfiguration(abstract: "Finish the ticket being served.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }
    struct Hold: WindowAction {
        static let path = "hold"; static let configuration = CommandConfiguration(abstract: "Set the served ticket aside.");
        @OptionGroup var options: GlobalOptions; @Option var window: Int
    }

    struct Ticket: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Call a specific waiting ticket to a window.")
        @OptionGroup var options: GlobalOptions
        @Argument var number: String
        @Option var window: Int
        func run() async throws { try await windowAction(options, window: window, path: "call", body: ["ticket": number]) }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring a held ticket back to a window.")
        @OptionGroup var options: GlobalOptions
        @Argument var number: String
        @Option var window: Int
        func run() async throws { try await windowAction(options, window: window, path: "resume", body: ["ticket": number]) }
    }

    struct Transfer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Transfer the window's ticket to another service and/or window.")
        @OptionGroup var options: GlobalOptions
        @Option var window: Int
        @Option(help: "Target service.") var service: String?
        @Option(help: "Target window.") var toWindow: Int?
        func run() async throws {
            var body: [String: Any] = [:]
            if let service { body["service"] = service }
            if let toWindow { body["window"] = toWindow }
            try await windowAction(options, window: window, path: "transfer", body: body)
        }
    }
}

/// Posts a window action and prints the resulting ticket.
func windowAction(_ options: GlobalOptions, window: Int, path: String, body: [String: Any]?) async throws {
    let data = try await options.client.send("POST", "api/windows/\(window)/\(path)", body: body)
    let services = await options.serviceNames()
    try options.output(data) { Rendering.ticket(try HallJSON.decoder().decode(HallCore.Ticket.self, from: data), services: services) }
}

/// A window action without arguments: `hallctl call <action> --window N`.
protocol WindowAction: AsyncParsableCommand {
    static var path: String { get }
    var options: GlobalOptions { get }
    var window: Int { get }
}

extension WindowAction {
    func run() async throws { try await windowAction(options, window: window, path: Self.path, body: nil) }
}
