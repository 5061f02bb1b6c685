import ArgumentParser
import Foundation
import HallCore

/// `hallctl visit request|list|show|board|approve|refuse|withdraw|plan|open-case|verify|outcome|receipt|follow-up|close|call|spot-check`.
struct VisitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "Home visits (上门服务): requests, review, on-site work, receipts, quality.",
        subcommands: [
            Request.self, List.self, Show.self, Board.self, Approve.self, Refuse.self, Withdraw.self, Plan.self,
            OpenCase.self, Verify.self, Outcome.self, Receipt.self, FollowUp.self, Close.self, Call.self, SpotCheck.self,
        ])

    /// Runs a POST on a visit and prints the visit.
    static func act(_ options: GlobalOptions, _ ref: String, _ action: String, _ body: [String: Any], _ prefix: String) async throws {
        let data = try await options.client.send("POST", "api/visits/\(ref)/\(action)", body: body)
        try options.output(data) { prefix + AppointmentRendering.visit(try HallJSON.decoder().decode(HomeVisit.self, from: data)) }
    }

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a home-visit request (at least two working days ahead).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Applicant's name.") var name: String
        @Option var phone: String
        @Option var idNumber: String?
        @Option(help: "Agent's name, when an agent applies.") var agent: String?
        @Option(help: "Agent's relation to the applicant.") var relation: String?
        @Option var agentPhone: String?
        @Option(help: "elderly, disabled, seriously_ill, force_majeure or other.") var eligibility: String
        @Option(help: "Explanation (required for other).") var note: String?
        @Option(help: "Catalog item id.") var item: String
        @Option var address: String
        @Option(help: "Preferred day, yyyy-MM-dd.") var day: String
        @Option(help: "Preferred time, e.g. 上午.") var time: String?
        @Option(help: "What the resident wants done.") var request: String
        @Flag(help: "Requested by phone (default: in person).") var byPhone = false

        func run() async throws {
            var applicant: [String: Any] = ["name": name, "phone": phone]
            if let idNumber { applicant["idNumber"] = idNumber }
            var body: [String: Any] = [
                "applicant": applicant, "eligibility": eligibility, "item": item, "address": address,
                "preferredDay": day, "request": request, "channel": byPhone ? "phone" : "in_person",
            ]
            if agent != nil || relation != nil {
                var a: [String: Any] = [:]
                if let agent { a["name"] = agent }
                if let relation { a["relation"] = relation }
                if let agentPhone { a["phone"] = agentPhone }
                body["agent"] = a
            }
            if let note { body["eligibilityNote"] = note }
            if let time { body["preferredTime"] = time }
            let data = try await options.client.send("POST", "api/visits", body: body)
            try options.output(data) { "已登记 " + AppointmentRendering.visit(try HallJSON.decoder().decode(HomeVisit.self, from: data)) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List visits (not finished by default).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "open, all, or states such as requested,follow_up.") var state: String = "open"

        func run() async throws {
            let data = try await options.client.send("GET", "api/visits", query: [URLQueryItem(name: "state", value: state)])
            try options.output(data) {
                AppointmentRendering.list(
                    try HallJSON.decoder().decode([HomeVisit].self, from: data), empty: "没有上门服务。",
                    AppointmentRendering.visit)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a visit with its review, outcome and quality records.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String

        func run() async throws {
            let data = try await options.client.send("GET", "api/visits/\(ref)")
            let names = await StaffNames.load(options.client)
            try options.output(data) { AppointmentRendering.visitDetail(try HallJSON.decoder().decode(HomeVisit.self, from: data), names: names) }
        }
    }

    struct Board: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reviews and follow-ups due or overdue, for the center head.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/visits/board")
            try options.output(data) { AppointmentRendering.board(try HallJSON.decoder().decode([VisitDeadlineStatus].self, from: data)) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve: day, time, visiting staff, place, materials (center head).")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option var day: String
        @Option(help: "HH:mm.") var time: String
        @Option(help: "Visiting staff user names, comma separated.") var staff: String
        @Option(help: "Place (default: the request's address).") var place: String?
        @Option(help: "Material ids to bring, comma separated (default: all of the item).") var materials: String?
        @Option(help: "A further thing to prepare (repeatable).") var extra: [String] = []
        @Option var notes: String?

        func run() async throws {
            var body: [String: Any] = ["day": day, "time": time, "staff": AppointmentRendering.ids(staff), "extraMaterials": extra]
            if let place { body["place"] = place }
            if let materials { body["materials"] = AppointmentRendering.ids(materials) }
            if let notes { body["notes"] = notes }
            try await VisitCommand.act(options, ref, "approve", body, "已确认上门 ")
        }
    }

    struct Refuse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse with a reason and an alternative solution (center head).")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option var reason: String
        @Option var alternative: String

        func run() async throws {
            try await VisitCommand.act(options, ref, "refuse", ["reason": reason, "alternative": alternative], "不予上门 ")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The applicant withdrew the request.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option var reason: String

        func run() async throws { try await VisitCommand.act(options, ref, "withdraw", ["reason": reason], "已撤回 ") }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save the A4 visit plan (materials list) as PDF, or print it.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "Save the PDF here.") var out: String?
        @Flag(help: "Print on the office printer.") var print = false

        func run() async throws {
            try await AppointmentRendering.document(options, path: "api/visits/\(ref)/plan", name: "上门服务确认单", out: out, print: print)
        }
    }

    struct OpenCase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-case",
            abstract: "Open the visit's case on site (scanner captures attach to it).")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "The applicant's ID number, when the request had none.") var idNumber: String?

        func run() async throws {
            let data = try await options.client.send("POST", "api/visits/\(ref)/case", body: idNumber.map { ["idNumber": $0] } ?? [:])
            try options.output(data) {
                let answer = try HallJSON.decoder().decode(AppointmentRendering.VisitCase.self, from: data)
                return "已开立案件 #\(answer.case.id)（\(answer.case.item.name)），关联上门服务 \(answer.visit.number)"
            }
        }
    }

    struct Outcome: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record what was done on site: finished, or what remains and its deadline.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "What was done.") var summary: String
        @Flag(help: "Finished on the spot.") var finished = false
        @Option(help: "What remains (not finished).") var unfinished: String?
        @Option(help: "Working days for the rest.") var days: Int?

        func run() async throws {
            guard finished != (unfinished != nil) else { throw ValidationError("请给出 --finished（当场办结）或 --unfinished 未办结事项，二者选一") }
            var body: [String: Any] = ["finishedOnSite": finished, "summary": summary]
            if let unfinished { body["unfinished"] = unfinished }
            if let days { body["workingDays"] = days }
            try await VisitCommand.act(options, ref, "outcome", body, "已登记 ")
        }
    }

    struct Receipt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue the receipt (回执): printed by halld's receipt printer, or with --out written as ESC/POS bytes to a local printer.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "Write the ESC/POS bytes here, e.g. /dev/rfcomm0 (a paired Bluetooth printer) or /dev/usb/lp0.") var out: String?
        @Option(help: "Printer profile for --out (default: halld's receipt printer profile).") var profile: String?

        func run() async throws {
            let data = try await options.client.send("POST", "api/visits/\(ref)/receipt", body: [:])
            if let out {
                let query = profile.map { [URLQueryItem(name: "profile", value: $0)] } ?? []
                try AppointmentRendering.write(try await options.client.send("GET", "api/visits/\(ref)/receipt", query: query), to: out)
            }
            try options.output(data) {
                let answer = try HallJSON.decoder().decode(AppointmentRendering.Receipt.self, from: data)
                let sent = out.map { "\n已将回执发送到 \($0)。" } ?? ""
                return "已出具回执 \(answer.visit.number)-\(answer.visit.receipts.count)：\(answer.print.message ?? answer.print.status)" + sent
            }
        }
    }

    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Note the follow-up of an unfinished item.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option var note: String

        func run() async throws { try await VisitCommand.act(options, ref, "follow-ups", ["note": note], "已登记督办 ") }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the follow-up: the unfinished item is done.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option var note: String

        func run() async throws { try await VisitCommand.act(options, ref, "close", ["note": note], "已办结 ") }
    }

    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a satisfaction follow-up call.")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "very_satisfied, satisfied, neutral, dissatisfied or unreachable.") var outcome: String
        @Option var note: String?

        func run() async throws {
            var body: [String: Any] = ["outcome": outcome]
            if let note { body["note"] = note }
            try await VisitCommand.act(options, ref, "calls", body, "已登记回访 ")
        }
    }

    struct SpotCheck: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "spot-check", abstract: "Record a random spot check (center head).")
        @OptionGroup var options: GlobalOptions
        @Argument var ref: String
        @Option(help: "passed or problems_found.") var result: String
        @Option var note: String?

        func run() async throws {
            var body: [String: Any] = ["result": result]
            if let note { body["note"] = note }
            try await VisitCommand.act(options, ref, "spot-checks", body, "已登记抽查 ")
        }
    }
}
