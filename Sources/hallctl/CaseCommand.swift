import ArgumentParser
import Foundation
import HallCore

/// `hallctl case open|review|decide|notify|deliver|close|show|list|inbox|board`.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Single-window cases: open, pre-review, department decisions, delivery.",
        subcommands: [
            Open.self, Review.self, Decide.self, Notify.self, Deliver.self, Close.self, Show.self, List.self, Inbox.self,
            Board.self, Notice.self,
        ])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a case for a person (default) or an enterprise.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Catalog item id, e.g. senior-allowance.") var item: String
        @Option(help: "Applicant's name (person) or registered name (enterprise).") var name: String
        @Option(help: "ID-card number (person).") var idNumber: String?
        @Option(help: "Unified social credit code (enterprise).") var creditCode: String?
        @Option(help: "Contact person (enterprise).") var contact: String?
        @Option(help: "Contact phone.") var phone: String
        @Option(help: "Post the result to this address (default: pick up at the window).") var postAddress: String?
        @Option(help: "Recipient of the post (default: the applicant).") var recipient: String?
        @Option(help: "The ticket the case comes from: its number (C002, today's) or its id.") var ticket: String?
        @Option(help: "Window number.") var window: Int?

        func run() async throws {
            var applicant: [String: Any] = ["name": name, "phone": phone]
            if let creditCode {
                applicant["kind"] = "enterprise"
                applicant["creditCode"] = creditCode
                applicant["contactPerson"] = contact ?? ""
            } else {
                applicant["kind"] = "person"
                applicant["idNumber"] = idNumber ?? ""
            }
            var body: [String: Any] = ["item": item, "applicant": applicant]
            if let postAddress {
                body["delivery"] = ["kind": "post", "address": postAddress, "recipient": recipient ?? contact ?? name, "phone": phone]
            }
            if let ticket { body["ticketID"] = try await TicketRef.id(of: ticket, client: options.client) }
            if let window { body["window"] = window }
            let data = try await options.client.send("POST", "api/cases", body: body)
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                "已开立案件 " + CaseRendering.summary(try HallJSON.decoder().decode(Case.self, from: data), names: names)
            }
        }
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pre-review the materials: complete → accepted; otherwise a correction notice listing everything.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case number or id.") var ref: String
        @Option(help: "Materials received, comma separated ids.") var received: String = ""
        @Option(help: "Materials missing, comma separated ids.") var missing: String = ""
        @Option(help: "A defective material as id:reason (repeatable).") var defective: [String] = []

        func run() async throws {
            var marks: [[String: Any]] = []
            marks += Self.ids(received).map { ["material": $0, "status": "received"] }
            marks += Self.ids(missing).map { ["material": $0, "status": "missing"] }
            for entry in defective {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                marks.append(["material": parts[0], "status": "defective", "reason": parts.count > 1 ? parts[1] : ""])
            }
            let body: [String: Any] = ["marks": marks]
            let data = try await options.client.send("POST", "api/cases/\(ref)/pre-review", body: body)
            try options.output(data) {
                CaseRendering.preReview(try HallJSON.decoder().decode(CaseRendering.PreReviewAnswer.self, from: data))
            }
        }

        static func ids(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a department's decision on a case (a reviewer for their own department; the head for any).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case number.") var ref: String
        @Option(help: "Department id (default: the signed-in reviewer's department; required for the head).")
        var department: String?
        @Flag(help: "Approve.") var approve = false
        @Option(help: "Reject with this reason.") var reject: String?
        @Option(help: "An on-site inspection is needed first (what to check).") var inspect: String?

        func run() async throws {
            var body: [String: Any] = [:]
            if let department { body["department"] = department }
            switch (approve, reject, inspect) {
            case (true, nil, nil): body["decision"] = "approved"
            case (false, let reason?, nil): body["decision"] = "rejected"; body["reason"] = reason
            case (false, nil, let note?): body["decision"] = "needs_inspection"; body["note"] = note
            default: throw ValidationError("请在 --approve、--reject 理由、--inspect 核查事项 中选择且只选择一项")
            }
            let data = try await options.client.send("POST", "api/cases/\(ref)/reviews", body: body)
            try options.output(data) { CaseRendering.summary(try HallJSON.decoder().decode(Case.self, from: data)) }
        }
    }

    struct Notify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that the applicant was told the result.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/cases/\(ref)/notify", body: [:])
            try options.output(data) { CaseRendering.summary(try HallJSON.decoder().decode(Case.self, from: data)) }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hand over the result at the window, or post it (tracking number).")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "Postal tracking number (required for posted results).") var tracking: String?

        func run() async throws {
            var body: [String: Any] = [:]
            if let tracking { body["trackingNumber"] = tracking }
            let data = try await options.client.send("POST", "api/cases/\(ref)/deliver", body: body)
            try options.output(data) { CaseRendering.summary(try HallJSON.decoder().decode(Case.self, from: data)) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a delivered case.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/cases/\(ref)/close", body: [:])
            try options.output(data) { CaseRendering.summary(try HallJSON.decoder().decode(Case.self, from: data)) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a case with its reviews and notices.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String

        func run() async throws {
            let data = try await options.client.send("GET", "api/cases/\(ref)")
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                CaseRendering.detail(try HallJSON.decoder().decode(CaseRendering.CaseDetail.self, from: data), names: names)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cases (open ones by default).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "open, all, or states such as in_review,decided.") var state: String = "open"
        @Flag(help: "Only the cases the signed-in clerk owns (首问负责制).") var mine = false

        func run() async throws {
            var query = [URLQueryItem(name: "state", value: state)]
            if mine { query.append(URLQueryItem(name: "owner", value: "me")) }
            let data = try await options.client.send("GET", "api/cases", query: query)
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                let cases = try HallJSON.decoder().decode([Case].self, from: data)
                return cases.isEmpty ? "没有案件。" : cases.map { CaseRendering.summary($0, names: names) }.joined(separator: "\n")
            }
        }
    }

    struct Inbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cases routed to the signed-in reviewer's department, waiting ones first (the head names a department).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Department id (the head only; a reviewer sees their own department).") var department: String?

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/reviews",
                query: department.map { [URLQueryItem(name: "department", value: $0)] } ?? [])
            try options.output(data) {
                let views = try HallJSON.decoder().decode([ReviewerCaseView].self, from: data)
                return views.isEmpty ? "没有分送到本部门的案件。" : views.map(CaseRendering.review).joined(separator: "\n")
            }
        }
    }

    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Overdue and due-soon cases, for the center head.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/cases/board")
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                CaseRendering.board(try HallJSON.decoder().decode([CaseDeadlineStatus].self, from: data), names: names)
            }
        }
    }
}
