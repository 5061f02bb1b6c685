import ArgumentParser
import Foundation
import HallCore

/// `hallctl followup list|open|close`: results to tell residents later (告知办理结果).
struct FollowUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Follow-ups: work to finish and tell the resident about, with their consent.",
        subcommands: [List.self, Open.self, Close.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open follow-ups (yours; the head sees everyone's).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "open, done, cancelled or all.") var state: String = "open"
        @Flag(help: "Only those due today or overdue.") var due = false

        func run() async throws {
            var query = [URLQueryItem(name: "state", value: state)]
            if due { query.append(URLQueryItem(name: "due", value: "1")) }
            let data = try await options.client.send("GET", "api/follow-ups", query: query)
            try options.output(data) {
                let list = try HallJSON.decoder().decode([FollowUpListing].self, from: data)
                return list.isEmpty ? "没有待办回告" : list.map(ExtendedRendering.followUp).joined(separator: "\n")
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep a resident's contact (with consent) to tell them the result later.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "What to do and tell.") var subject: String
        @Option(help: "Contact phone.") var phone: String
        @Option(help: "Resident's name (optional).") var name: String?
        @Option(help: "Where it comes from: extended, ticket, case, home-visit, rating…") var source: String = "extended"
        @Option(help: "Ticket or case number.") var reference: String?
        @Option(help: "Working days until due.") var dueDays: Int?
        @Option(help: "Owner other than you (head only).") var owner: String?
        @Flag(help: "The resident agreed that the contact is kept.") var consent = false

        func run() async throws {
            var sourceBody: [String: Any] = ["kind": source]
            if let reference { sourceBody["reference"] = reference }
            var body: [String: Any] = ["subject": subject, "contactPhone": phone, "consent": consent, "source": sourceBody]
            if let name { body["contactName"] = name }
            if let dueDays { body["dueWorkingDays"] = dueDays }
            if let owner { body["owner"] = owner }
            let data = try await options.client.send("POST", "api/follow-ups", body: body)
            try options.output(data) { "已登记 " + ExtendedRendering.followUp(try HallJSON.decoder().decode(FollowUpListing.self, from: data)) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a follow-up with what the resident was told (or --cancel with why).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Follow-up id.") var id: Int
        @Option(help: "What the resident was told, or why it is cancelled.") var result: String
        @Flag(help: "Cancel instead of done.") var cancel = false

        func run() async throws {
            let data = try await options.client.send("POST", "api/follow-ups/\(id)/close", body: ["result": result, "done": !cancel])
            try options.output(data) { ExtendedRendering.followUp(try HallJSON.decoder().decode(FollowUpListing.self, from: data)) }
        }
    }
}
