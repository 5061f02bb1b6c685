import ArgumentParser
import Foundation
import HallCore

/// `hallctl rating list|follow-ups|close`: ratings (好差评) and the head's follow-ups of bad ones.
struct RatingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rating", abstract: "Ratings (好差评) and the follow-ups of bad ratings.",
        subcommands: [List.self, FollowUps.self, Close.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ratings of the tickets of a day or a range of days.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "First day, yyyy-MM-dd (default: today).") var from: String?
        @Option(help: "Last day, yyyy-MM-dd (default: the first day).") var to: String?

        func run() async throws {
            var query: [URLQueryItem] = []
            if let from { query.append(URLQueryItem(name: "from", value: from)) }
            if let to { query.append(URLQueryItem(name: "to", value: to)) }
            let data = try await options.client.send("GET", "api/ratings", query: query)
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                let ratings = try HallJSON.decoder().decode([Rating].self, from: data)
                guard !ratings.isEmpty else { return "没有评价记录。" }
                let lines = ratings.map { r in
                    Rendering.pad("\(r.day) \(Rendering.time(r.at))", 22) + Rendering.pad(r.ticketNumber, 7)
                        + Rendering.pad(r.window.map { "\($0)号窗口" } ?? "-", 10) + Rendering.pad(r.staff.map(names.callName) ?? "-", 12)
                        + Rendering.pad(r.level.label, 12) + r.channel.label
                }
                return (lines + ["共 \(ratings.count) 条"]).joined(separator: "\n")
            }
        }
    }

    struct FollowUps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "follow-ups", abstract: "Follow-ups of bad ratings, overdue first.")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "Only those still open.") var open = false

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/rating-follow-ups",
                query: open ? [URLQueryItem(name: "state", value: "open")] : [])
            let names = await StaffNames.load(options.client)
            try options.output(data) {
                let list = try HallJSON.decoder().decode([RatingFollowUpStatus].self, from: data)
                guard !list.isEmpty else { return "没有差评回访。" }
                return list.map { RatingCommand.render($0, names: names) }.joined(separator: "\n")
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a follow-up with a note of what was done.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Follow-up number (#id).") var id: Int64
        @Option(help: "What was done (回访、整改情况).") var note: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/rating-follow-ups/\(id)/close", body: ["note": note])
            try options.output(data) {
                let f = try HallJSON.decoder().decode(RatingFollowUp.self, from: data)
                return "回访 #\(f.id)（\(f.ticketNumber)）已办结：\(f.note ?? "")"
            }
        }
    }

    static func render(_ s: RatingFollowUpStatus, names: StaffNames = StaffNames()) -> String {
        let f = s.followUp
        let state = s.isOverdue ? "超时未办结" : f.state.label
        let left = s.workingDaysLeft.map { s.isOverdue ? "" : $0 == 0 ? "，今日到期" : "，剩 \($0) 个工作日" } ?? ""
        var line =
            Rendering.pad("#\(f.id)", 6) + Rendering.pad(f.ticketNumber, 7) + Rendering.pad(f.window.map { "\($0)号窗口" } ?? "-", 10)
            + Rendering.pad(f.staff.map(names.callName) ?? "-", 12) + Rendering.pad(f.level.label, 12) + Rendering.pad(state, 12)
            + "时限 \(f.dueDay)\(f.isProvisional ? "（推算）" : "")\(left)"
        if let note = f.note { line += "\n      处理：\(note)（\(f.closedBy ?? "")）" }
        return line
    }
}
