import Foundation

/// A report as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows the Chinese),
/// CRLF line ends, one titled block per table (services, days, ratings, cases, the staff ledger's appointment and
/// extended-hours minutes).
/// Durations in minutes with one decimal.
public enum ReportCSV {
    /// The UTF-8 byte-order mark that starts the file.
    public static let byteOrderMark = "\u{FEFF}"

    /// The CSV text, starting with the byte-order mark.
    public static func render(_ report: HallReport) -> String {
        var lines: [[String]] = [["报表", report.period.label], []]
        lines.append(["业务", "取号数", "办结数", "过号数", "离开数", "平均等候(分钟)", "等候P90(分钟)", "平均办理(分钟)", "办理P90(分钟)"])
        for row in report.services + [report.totals] {
            lines.append([
                row.serviceName, String(row.issued), String(row.served), String(row.noShows), String(row.left),
                minutes(row.waiting.averageSeconds), minutes(row.waiting.p90Seconds),
                minutes(row.service.averageSeconds), minutes(row.service.p90Seconds),
            ])
        }
        if report.days.count > 1 {
            lines += [[], ["日期", "取号数", "办结数", "过号数"]]
            lines += report.days.map { [$0.day.description, String($0.issued), String($0.served), String($0.noShows)] }
        }
        lines += [[], ["评价", "次数"]]
        lines += report.ratings.distribution.map { [$0.label, String($0.count)] }
        lines.append(["合计", String(report.ratings.total)])
        lines.append(["满意率", report.ratings.satisfactionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"])
        lines += [
            [], ["办件时限", "件数"], ["承诺期内到期", String(report.cases.due)], ["按时办结", String(report.cases.onTime)],
            ["逾期", String(report.cases.overdue)], ["其中逾期办结", String(report.cases.decidedLate)],
            ["其中逾期未办结", String(report.cases.stillOpen)], ["未到期在办", String(report.cases.notYetDue)],
            ["申请人撤回", String(report.cases.withdrawn)],
        ]
        lines += [[], ["登记台账", "预约服务(分钟)", "延时服务(分钟)", "合计(分钟)"]]
        if let ledger = report.extendedHours {
            lines += ledger.staff.map {
                [
                    $0.displayName, String($0.appointmentMinutes), String($0.minutes),
                    String($0.appointmentMinutes + $0.minutes),
                ]
            }
            lines.append([
                "合计", String(ledger.appointmentMinutes), String(ledger.totalMinutes),
                String(ledger.appointmentMinutes + ledger.totalMinutes),
            ])
        } else {
            lines.append(["（台账未接入）", "-", "-", "-"])
        }
        return byteOrderMark + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Seconds as minutes with one decimal; `-` when there is no value.
    static func minutes(_ seconds: Double?) -> String {
        seconds.map { String(format: "%.1f", $0 / 60) } ?? "-"
    }

    /// Quotes a field when it holds a comma, quote or line break (RFC 4180); neutralises a leading
    /// `=`, `+`, `-` or `@` of text so a spreadsheet does not run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@".contains(first) || (first == "-" && value.count > 1 && Double(value) == nil) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
