import Foundation
import HallCore

/// The monthly staff ledger (预约延时服务登记台账) as a printable A4 `TableReport`: one row per
/// entry, the month's total, each staff member's month and standing (cumulative, leave, balance),
/// signature lines and the center's seal.
public enum LedgerMonthReport {
    public static func make(_ view: LedgerMonthView, center: ServiceCenterInfo, timeZone: TimeZone, printedOn: LocalDay) -> TableReport {
        let names = Dictionary(view.staff.map { ($0.staff, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let rows = view.entries.enumerated().map { index, entry -> [String] in
            var served = entry.served.joined(separator: "、")
            if !entry.note.isEmpty { served += served.isEmpty ? entry.note : "（\(entry.note)）" }
            if let last = entry.adjustments.last { served += "；原\(entry.recordedMinutes)分钟，调整：\(last.reason)" }
            return [
                String(index + 1), "\(entry.day.month)月\(entry.day.day)日", names[entry.staff] ?? entry.staff, entry.kind.label,
                "\(LedgerFormat.clock(entry.start, in: timeZone))–\(LedgerFormat.clock(entry.end, in: timeZone))", "\(entry.minutes)分钟",
                served.isEmpty ? "—" : served,
            ]
        }
        let standing = view.staff.map { s -> String in
            let c = s.cumulative
            return "\(s.displayName)：本月预约服务\(s.appointmentMinutes)分钟、延时服务\(s.extendedMinutes)分钟；"
                + "截至月末累计\(hours(c.totalMinutes))小时，已安排调休\(hours(c.leaveMinutes))小时"
                + "（已调休\(hours(c.leaveTakenMinutes))小时），结余\(hours(c.balanceMinutes))小时"
                + (c.owesLeave ? "，应安排调休。" : "。")
        }
        let leave = view.leave.map { "调休：\(names[$0.staff] ?? $0.staff) \($0.day.chineseText) \(hours($0.minutes))小时（\($0.state.label)）" }
        return TableReport(
            title: "预约延时服务登记台账",
            subtitle: DocumentText(view.month.label),
            facts: [
                KeyValueRow("单位", center.name),
                KeyValueRow("统计期间", "\(view.month.firstDay.chineseText)至\(view.month.lastDay.chineseText)"),
                KeyValueRow("调休标准", "累计结余满\(hours(view.thresholdMinutes))小时安排调休"),
            ],
            columns: [
                TableColumn("序号", weight: 0.6, alignment: .center), TableColumn("日期", weight: 1.1),
                TableColumn("工作人员", weight: 1.1), TableColumn("服务类型", weight: 1.1),
                TableColumn("时段", weight: 1.3), TableColumn("时长", weight: 0.9, alignment: .right),
                TableColumn("办理事项", weight: 2.8),
            ],
            rows: rows,
            totals: ["", "合计", "", "", "", "\(view.totalMinutes)分钟", "\(view.entries.count)条"],
            notes: (standing + leave + ["注：预约服务和延时服务一律不收取任何费用。"]).map { DocumentText($0) },
            signatures: ["制表人：＿＿＿＿＿＿　　审核人（中心负责人）：＿＿＿＿＿＿"],
            seal: SealPlaceholder(organization: center.name, date: printedOn.chineseText))
    }

    static func hours(_ minutes: Int) -> String { LedgerFormat.hours(minutes: minutes) }
}
