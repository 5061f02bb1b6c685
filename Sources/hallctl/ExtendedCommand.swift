import ArgumentParser
import Foundation
import HallCore

/// `hallctl extended status|slip|absent|replace|replacements|sessions`: extended service (延时服务).
struct ExtendedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extended", abstract: "Extended hours: the day's phase and expected waits, wait slips, replacements.",
        subcommands: [Status.self, Slip.self, Absent.self, Replace.self, Replacements.self, Sessions.self],
        defaultSubcommand: Status.self)

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Phase of the day, closing time and every waiting ticket's expected wait.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/extended")
            try options.output(data) { ExtendedRendering.status(try HallJSON.decoder().decode(ExtendedStatus.self, from: data)) }
        }
    }

    struct Slip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a waiting ticket's expected-wait slip on the ticket printer.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Ticket number, e.g. B003.") var ticket: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/extended/slips", body: ["ticket": ticket])
            try options.output(data) {
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                return ((object?["print"] as? [String: Any])?["message"] as? String) ?? "已提交"
            }
        }
    }

    struct Absent: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Report that you cannot stay at a window for extended hours today.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Window number.") var window: Int
        @Option(help: "Why (shown to the center head).") var reason: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/extended/absences", body: ["window": window, "reason": reason])
            options.output(data) { "已报告：\(window)号窗口今天不能延时服务，等待中心负责人安排替岗。" }
        }
    }

    struct Replace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign a replacement to a window for today's extended hours (head).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Window number.") var window: Int
        @Option(help: "User name of the clerk who stays instead.") var replacement: String
        @Option(help: "User name of the clerk replaced (when nobody reported).") var absent: String?
        @Option(help: "Reason (when nobody reported).") var reason: String?

        func run() async throws {
            var body: [String: Any] = ["window": window, "replacement": replacement]
            if let absent { body["absent"] = absent }
            if let reason { body["reason"] = reason }
            let data = try await options.client.send("POST", "api/extended/replacements", body: body)
            try options.output(data) {
                let r = try HallJSON.decoder().decode(ExtendedReplacement.self, from: data)
                return "已安排 \(r.replacement ?? "") 替 \(r.absentClerk) 在\(r.window)号窗口延时服务。"
            }
        }
    }

    struct Replacements: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Absence reports and replacements of a day.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Day (yyyy-MM-dd), default today.") var day: String?

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/extended/replacements",
                query: day.map { [URLQueryItem(name: "day", value: $0)] } ?? [])
            try options.output(data) {
                let list = try HallJSON.decoder().decode([ExtendedReplacement].self, from: data)
                guard !list.isEmpty else { return "没有报告" }
                return list.map { r in
                    "\(r.window)号窗口 \(r.absentClerk)（\(r.reason)）"
                        + (r.replacement.map { " → \($0) 替岗，\(ExtendedRendering.clock(r.assignedAt))" } ?? " 待安排")
                }.joined(separator: "\n")
            }
        }
    }

    struct Sessions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Extended periods of a span of days (head/admin).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "First day (yyyy-MM-dd).") var from: String?
        @Option(help: "Last day (yyyy-MM-dd).") var to: String?

        func run() async throws {
            var query: [URLQueryItem] = []
            if let from { query.append(URLQueryItem(name: "from", value: from)) }
            if let to { query.append(URLQueryItem(name: "to", value: to)) }
            let data = try await options.client.send("GET", "api/extended/sessions", query: query)
            try options.output(data) {
                let list = try HallJSON.decoder().decode([ExtendedSession].self, from: data)
                guard !list.isEmpty else { return "没有延时服务记录" }
                return list.map { s in
                    "\(s.day) 下班 \(ExtendedRendering.clock(s.closingAt))  延时 \(ExtendedRendering.clock(s.startedAt))—"
                        + (s.endedAt.map { ExtendedRendering.clock($0) } ?? "进行中")
                        + "  办结 \(s.closedTickets.count) 个号" + (s.ledgerMinutes.map { "  计入台账 \($0) 分钟" } ?? "")
                }.joined(separator: "\n")
            }
        }
    }
}
