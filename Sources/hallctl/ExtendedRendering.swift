import Foundation
import HallCore

/// Text renderings of opening hours, extended service, the ledger and follow-ups for the terminal.
enum ExtendedRendering {
    static func clock(_ date: Date?) -> String { date.map { LedgerFormat.clock($0, in: HallTimeZone.current) } ?? "-" }

    static func hours(_ view: HoursView) -> String {
        var lines = ["办公时间（\(view.source == "override" ? "负责人修改于 \(view.updatedAt.map(Rendering.time) ?? "") 由 \(view.updatedBy ?? "")" : "配置文件")）"]
        for season in view.openingHours.seasons {
            lines.append("  \(season.name) \(season.from.label)—\(season.to.label)：" + season.sessions.map(\.description).joined(separator: "、"))
            for (weekday, sessions) in season.weekdays.sorted(by: { $0.key < $1.key }) {
                lines.append("    星期\(weekday)：" + (sessions.isEmpty ? "不办公" : sessions.map(\.description).joined(separator: "、")))
            }
        }
        lines.append("下班前 \(view.closingNoticeMinutes) 分钟告知等候群众预计等候时间。")
        lines.append("")
        for day in view.days {
            let tag = day.isMakeUpWorkday ? "（调休上班）" : ""
            let text = day.isOpenDay ? day.sessions.map(\.description).joined(separator: "、") : "不办公（\(day.closedReason)）"
            lines.append("\(day.day) \(day.weekdayLabel)\(tag)  \(text)")
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ s: ExtendedStatus) -> String {
        var lines = ["\(s.day) \(clock(s.now))  \(s.phaseLabel)"]
        if let today = s.today, let closing = today.closing { lines.append("今日下班 \(closing)（\(today.seasonName)）") }
        if let next = s.nextOpening { lines.append("下一个办公日 \(next.openingLabel)") }
        if let session = s.session {
            lines.append("延时服务 \(clock(session.startedAt))—\(session.endedAt.map { clock($0) } ?? "进行中")，已办结 \(session.closedTickets.count) 个号")
        }
        if let refusal = s.kioskRefusal { lines.append("取号机：\(refusal)") }
        if let message = s.message { lines.append(message) }
        if !s.waiting.isEmpty {
            lines.append("")
            lines.append("号码   业务        前面  预计等候  预计叫号")
            for w in s.waiting {
                lines.append(
                    Rendering.pad(w.number, 7) + Rendering.pad(w.serviceName, 12) + Rendering.pad("\(w.peopleAhead)", 6)
                        + Rendering.pad("约\(w.estimatedWaitMinutes)分钟", 10) + clock(w.expectedCallAt) + (w.afterClosing ? " 延时" : ""))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func month(_ view: LedgerMonthView) -> String {
        var lines = ["预约延时服务登记台账 \(view.month.label)（调休标准 \(LedgerFormat.hours(minutes: view.thresholdMinutes)) 小时）", ""]
        for e in view.entries {
            lines.append(
                "#\(e.id) \(e.day) " + Rendering.pad(e.staff, 10) + Rendering.pad(e.kind.label, 10)
                    + "\(clock(e.start))–\(clock(e.end)) " + Rendering.pad("\(e.minutes)分钟", 9) + e.served.joined(separator: "、"))
        }
        if view.entries.isEmpty { lines.append("（本月没有登记）") }
        lines.append("")
        for s in view.staff {
            let c = s.cumulative
            lines.append(
                "\(s.displayName)（\(s.staff)）本月 \(s.monthMinutes) 分钟；累计 \(LedgerFormat.hours(minutes: c.totalMinutes)) 小时，"
                    + "调休 \(LedgerFormat.hours(minutes: c.leaveMinutes)) 小时，结余 \(LedgerFormat.hours(minutes: c.balanceMinutes)) 小时"
                    + (c.owesLeave ? "  应安排调休" : ""))
        }
        return lines.joined(separator: "\n")
    }

    static func balance(_ b: LedgerBalance) -> String {
        "\(b.displayName)（\(b.staff)）预约 \(b.appointmentMinutes) 分钟，延时 \(b.extendedMinutes) 分钟，调休 \(LedgerFormat.hours(minutes: b.leaveMinutes)) 小时"
            + "（已休 \(LedgerFormat.hours(minutes: b.leaveTakenMinutes))），结余 \(LedgerFormat.hours(minutes: b.balanceMinutes)) 小时"
            + (b.owesLeave ? "  应安排调休" : "")
    }

    static func grant(_ g: LeaveGrant) -> String {
        "#\(g.id) \(g.staff) \(g.day) \(LedgerFormat.hours(g.hours)) 小时 \(g.state.label)" + (g.note.isEmpty ? "" : " \(g.note)")
    }

    static func followUp(_ l: FollowUpListing) -> String {
        let f = l.followUp
        return "#\(f.id) [\(l.due.label)] 期限 \(f.dueDay) 负责人 \(f.owner)  \(f.subject)  联系 \(l.maskedContact)"
            + (f.result.map { "  结果：\($0)" } ?? "")
    }
}
