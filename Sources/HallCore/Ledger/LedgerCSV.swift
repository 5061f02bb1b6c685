import Foundation

/// The month's ledger as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so Excel
/// reads the Chinese correctly), CRLF line ends, RFC 4180 quoting. Two parts: the entries, then
/// one line per staff member with the month's minutes and the standing at the month's end.
public enum LedgerCSV {
    /// The CSV text, starting with U+FEFF; encode it as UTF-8.
    public static func render(_ view: LedgerMonthView, centerName: String, timeZone: TimeZone) -> String {
        let names = Dictionary(view.staff.map { ($0.staff, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String]] = [
            ["\(centerName) 预约延时服务登记台账 \(view.month.label)"],
            ["序号", "日期", "工作人员", "账号", "服务类型", "开始", "结束", "时长（分钟）", "办理事项", "来源", "备注"],
        ]
        for (index, entry) in view.entries.enumerated() {
            var note = entry.note
            if let last = entry.adjustments.last {
                note += (note.isEmpty ? "" : "；") + "原登记\(entry.recordedMinutes)分钟，\(last.by)调整：\(last.reason)"
            }
            rows.append([
                String(index + 1), entry.day.description, names[entry.staff] ?? entry.staff, entry.staff,
                entry.kind.label, LedgerFormat.clock(entry.start, in: timeZone), LedgerFormat.clock(entry.end, in: timeZone), String(entry.minutes),
                entry.served.joined(separator: "、"), entry.source.label, note,
            ])
        }
        rows.append(["合计", "", "", "", "", "", "", String(view.totalMinutes), "\(view.entries.count)条", "", ""])
        rows.append([])
        rows.append([
            "工作人员", "账号", "本月预约服务（分钟）", "本月延时服务（分钟）", "本月合计（分钟）", "截至月末累计（分钟）",
            "已安排调休（小时）", "其中已调休（小时）", "结余（小时）", "调休标准（小时）", "是否应安排调休",
        ])
        for s in view.staff {
            let c = s.cumulative
            rows.append([
                s.displayName, s.staff, String(s.appointmentMinutes), String(s.extendedMinutes), String(s.monthMinutes),
                String(c.totalMinutes), LedgerFormat.hours(minutes: c.leaveMinutes), LedgerFormat.hours(minutes: c.leaveTakenMinutes),
                LedgerFormat.hours(minutes: c.balanceMinutes),
                LedgerFormat.hours(minutes: c.thresholdMinutes), c.owesLeave ? "是" : "否",
            ])
        }
        rows.append([])
        rows.append(["注：预约服务和延时服务一律不收取任何费用。累计结余达到调休标准的，由中心负责人合理安排调休。"])
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is
    /// defused with an apostrophe so a spreadsheet never runs it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
