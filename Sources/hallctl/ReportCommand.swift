import ArgumentParser
import Foundation
import HallCore

/// `hallctl report daily|monthly`: the hall's figures, or the CSV download.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Daily and monthly reports: tickets, waiting and service times, ratings, overdue cases.",
        subcommands: [Daily.self, Monthly.self])

    struct Daily: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One day's report.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "The day, yyyy-MM-dd (default: today).") var day: String?
        @Option(help: "Write the CSV (UTF-8 with BOM) to this file instead of printing.") var csv: String?
        func run() async throws { try await ReportCommand.run(options, period: day ?? "today", csv: csv) }
    }

    struct Monthly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One month's report.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "The month, yyyy-MM (default: this month).") var month: String?
        @Option(help: "Write the CSV (UTF-8 with BOM) to this file instead of printing.") var csv: String?
        func run() async throws {
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM"
            formatter.timeZone = HallTimeZone.current
            try await ReportCommand.run(options, period: month ?? formatter.string(from: Date()), csv: csv)
        }
    }

    static func run(_ options: GlobalOptions, period: String, csv: String?) async throws {
        if let csv {
            let data = try await options.client.send("GET", "api/reports/\(period)", query: [URLQueryItem(name: "format", value: "csv")])
            try data.write(to: URL(fileURLWithPath: csv))
            print("已保存报表 \(csv)（\(data.count) 字节）")
            return
        }
        let data = try await options.client.send("GET", "api/reports/\(period)")
        try options.output(data) { render(try HallJSON.decoder().decode(HallReport.self, from: data)) }
    }

    static func minutes(_ seconds: Double?) -> String { seconds.map { String(format: "%.1f", $0 / 60) } ?? "-" }

    static func render(_ r: HallReport) -> String {
        var lines = [
            "\(r.period.label)\(r.period.kind == "monthly" ? "月报" : "日报")", "",
            Rendering.pad("业务", 14) + Rendering.pad("取号", 6) + Rendering.pad("办结", 6) + Rendering.pad("过号", 6)
                + Rendering.pad("平均等候", 10) + Rendering.pad("等候P90", 10) + Rendering.pad("平均办理", 10) + "办理P90（分钟）",
        ]
        for s in r.services + [r.totals] {
            lines.append(
                Rendering.pad(s.serviceName, 14) + Rendering.pad("\(s.issued)", 6) + Rendering.pad("\(s.served)", 6)
                    + Rendering.pad("\(s.noShows)", 6) + Rendering.pad(minutes(s.waiting.averageSeconds), 10)
                    + Rendering.pad(minutes(s.waiting.p90Seconds), 10) + Rendering.pad(minutes(s.service.averageSeconds), 10)
                    + minutes(s.service.p90Seconds))
        }
        lines.append("")
        lines.append(
            "评价 \(r.ratings.total) 次：" + r.ratings.distribution.map { "\($0.label) \($0.count)" }.joined(separator: "，")
                + "；满意率 " + (r.ratings.satisfactionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"))
        lines.append(
            "办件：" + r.cases.summary
                + (r.cases.overdueCaseNumbers.isEmpty ? "" : "：" + r.cases.overdueCaseNumbers.joined(separator: "、")))
        if let ledger = r.extendedHours {
            lines.append("登记台账：预约服务 \(ledger.appointmentMinutes) 分钟，延时服务 \(ledger.totalMinutes) 分钟")
            for s in ledger.staff {
                lines.append("  " + Rendering.pad(s.displayName, 12) + "预约 \(s.appointmentMinutes) 分钟，延时 \(s.minutes) 分钟")
            }
        } else {
            lines.append("延时服务：台账未接入")
        }
        return lines.joined(separator: "\n")
    }
}
