import Foundation
import HallCore

/// Text renderings of API answers for the terminal (Chinese, like the hall's screens).
enum Rendering {
    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.timeZone = HallTimeZone.current
        return formatter.string(from: date)
    }

    /// One ticket's line; `services` names the service (see `GlobalOptions.serviceNames`), else its id shows.
    static func ticket(_ t: Ticket, services: [String: String] = [:]) -> String {
        var parts = ["\(t.number)", t.state.label, "业务 \(services[t.serviceID] ?? t.serviceID)"]
        if let w = t.windowNumber { parts.append("\(w)号窗口") }
        if t.priority.isPriority { parts.append("优先") }
        parts.append("取号 \(time(t.issuedAt))")
        return parts.joined(separator: "  ")
    }

    static func issued(_ i: IssuedTicket) -> String {
        "已取号 \(i.ticket.number)（\(i.serviceName)）\n前面还有 \(i.peopleAhead) 人，预计等候约 \(i.estimatedWaitMinutes) 分钟"
    }

    static func status(_ s: HallStatus) -> String {
        var lines = ["\(s.day)  今日取号 \(s.issuedToday)  已办结 \(s.servedToday)", "", "业务            等候  开放窗口  预计等候"]
        for q in s.services {
            lines.append(
                pad("\(q.service.prefix) \(q.service.name)", 16) + pad("\(q.waiting)", 6) + pad("\(q.openWindows)", 10)
                    + "\(q.estimatedWaitMinutes) 分钟")
        }
        lines.append("")
        lines.append("窗口")
        for w in s.windows {
            let state = w.window.isPaused ? "暂停" : (w.current.map { "\($0.number) \($0.state.label)" } ?? "空闲")
            let held = w.held.isEmpty ? "" : "  暂挂: " + w.held.map(\.number).joined(separator: ",")
            lines.append(pad("\(w.window.number)号 \(w.window.name)", 18) + state + held)
        }
        return lines.joined(separator: "\n")
    }

    /// Pads to a display width, counting CJK characters as two columns.
    static func pad(_ text: String, _ width: Int) -> String {
        let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        return text + String(repeating: " ", count: max(1, width - columns))
    }
}
