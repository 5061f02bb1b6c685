import ArgumentParser
import Foundation
import HallCore

/// `hallctl ticket take|show|leave`.
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket", abstract: "Take and look up queue tickets.",
        subcommands: [Take.self, Show.self, Leave.self, Reprint.self])

    struct Take: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a ticket for a service (id, Chinese name or prefix).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The service, e.g. 社保医保, social-insurance or B.") var service: String
        @Option(help: "normal, or green_channel (clerk or head only); appointment priority comes with `appointment check-in`.")
        var priority: String = "normal"

        func run() async throws {
            let data: Data
            do {
                data = try await options.client.send("POST", "api/tickets", body: ["service": service, "priority": priority])
            } catch APIClient.ClientError.server(let status, "unknown_service", let message) {
                // Say which services there are: the clerk picks one instead of guessing again.
                let names = await options.serviceNames()
                let list = names.isEmpty ? "" : "可选业务：" + names.values.sorted().joined(separator: "、") + "。"
                throw APIClient.ClientError.server(status: status, code: "unknown_service", message: message + list)
            }
            try options.output(data) { Rendering.issued(try HallJSON.decoder().decode(IssuedTicket.self, from: data)) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a ticket of today by its number.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Ticket number, e.g. B001.") var number: String

        func run() async throws {
            let data = try await options.client.send("GET", "api/tickets/\(number)")
            let services = await options.serviceNames()
            try options.output(data) {
                let s = try HallJSON.decoder().decode(TicketStatus.self, from: data)
                let wait = s.ticket.state == .waiting ? "\n前面还有 \(s.peopleAhead) 人，预计等候约 \(s.estimatedWaitMinutes) 分钟" : ""
                return Rendering.ticket(s.ticket, services: services) + wait
            }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a resident chose not to wait.")
        @OptionGroup var options: GlobalOptions
        @Argument var number: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/tickets/\(number)/leave")
            let services = await options.serviceNames()
            try options.output(data) { Rendering.ticket(try HallJSON.decoder().decode(Ticket.self, from: data), services: services) }
        }
    }

    struct Reprint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a ticket again on the kiosk printer (clerk).")
        @OptionGroup var options: GlobalOptions
        @Argument var number: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/tickets/\(number)/reprint")
            try options.output(data) {
                (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["message"] as? String ?? ""
            }
        }
    }
}
