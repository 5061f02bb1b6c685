import Foundation
import HallCore

/// Text renderings of the appointment and home-visit answers (Chinese).
enum AppointmentRendering {
    struct Booking: Decodable { var appointment: Appointment; var confirmationURL: String }
    struct SlotDetail: Decodable { var slot: SlotAvailability; var appointments: [Appointment] }
    struct Duty: Decodable { var slots: [SlotAvailability]; var visits: [HomeVisit] }
    struct Print: Decodable { var status: String; var message: String? }
    struct DocumentPrint: Decodable { var url: String; var print: Print }
    struct CheckIn: Decodable {
        var appointment: PublicAppointment
        var ticket: Ticket
        var serviceName: String
        var peopleAhead: Int
        var estimatedWaitMinutes: Int
        var print: Print?
    }
    struct VisitCase: Decodable { var visit: HomeVisit; var `case`: Case }
    struct Receipt: Decodable { var visit: HomeVisit; var print: Print }

    /// One slot's line; `services` names the service (see `GlobalOptions.serviceNames`), else its id shows.
    static func slot(_ s: SlotAvailability, services: [String: String] = [:]) -> String {
        var parts = [
            "#\(s.slot.id)", "\(s.slot.day) \(weekday(s.slot.day)) \(s.slot.time)", s.slot.holidayName ?? "双休日",
            "业务 \(services[s.slot.serviceID] ?? s.slot.serviceID)", "已约 \(s.booked)/\(s.slot.capacity)",
        ]
        parts.append(s.slot.staff.isEmpty ? "未安排值班" : "值班 " + s.slot.staff.map(\.displayName).joined(separator: "、"))
        if !s.slot.itemIDs.isEmpty { parts.append("限办 " + s.slot.itemIDs.joined(separator: ",")) }
        return parts.joined(separator: "  ")
    }

    static func appointment(_ a: Appointment) -> String {
        var parts = [
            "#\(a.id)", "预约码 \(a.code)", a.state.label, "\(a.day) \(a.time)", a.itemName,
            "\(a.contact.name) \(a.contact.phone.value)",
        ]
        if let t = a.ticketNumber { parts.append("号码 \(t)") }
        if let e = a.excuse { parts.append("理由：\(e)") }
        return parts.joined(separator: "  ")
    }

    static func booked(_ b: Booking) -> String {
        let a = b.appointment
        var lines = [
            "已预约：\(a.day)（\(weekday(a.day))）\(a.time)  \(a.itemName)", "预约码：\(a.code)（请告知群众，签到时使用）",
            "请携带材料：",
        ]
        lines += a.materials.enumerated().map {
            "  \($0.offset + 1). \($0.element.name)（\($0.element.form.label) \($0.element.count)份）"
                + ($0.element.notes.map { "：\($0)" } ?? "")
        }
        lines.append("确认单：\(b.confirmationURL)（hallctl appointment confirmation \(a.id) --out 文件.pdf）")
        lines.append("预约服务不收取任何费用。")
        return lines.joined(separator: "\n")
    }

    static func checkIn(_ c: CheckIn) -> String {
        var text =
            "已签到：\(c.appointment.contact.name) \(c.appointment.itemName)\n优先号 \(c.ticket.number)（\(c.serviceName)），"
            + "前面还有 \(c.peopleAhead) 人，预计等候约 \(c.estimatedWaitMinutes) 分钟"
        if let p = c.print, let m = p.message { text += "\n\(m)" }
        return text
    }

    static func suspension(_ s: BookingSuspension) -> String {
        let until = LocalDay(s.endsAt, in: HallTimeZone.current)
        var parts = [
            "#\(s.id)", "\(s.contact.name) \(s.contact.phone.value)", "暂停至 \(until)",
            "连续无故取消 \(s.appointmentIDs.count) 次（预约 " + s.appointmentIDs.map { "#\($0)" }.joined(separator: ",") + "）",
        ]
        if let by = s.liftedBy { parts.append("已由 \(by) 解除：\(s.liftReason ?? "")") }
        return parts.joined(separator: "  ")
    }

    static func visit(_ v: HomeVisit) -> String {
        var parts = [v.number, v.state.label, v.itemName, "\(v.applicant.name) \(v.applicant.phone.value)", v.eligibility.label]
        switch v.state {
        case .requested: parts.append("审核期限 \(v.reviewDue)")
        case .approved: if let p = v.plan { parts.append("上门 \(p.day) \(p.time) " + p.staff.map(\.displayName).joined(separator: "、")) }
        case .followUp: if let d = v.outcome?.deadline { parts.append("办结期限 \(d)") }
        default: break
        }
        return parts.joined(separator: "  ")
    }

    /// A visit in full; people by their display names (`names`).
    static func visitDetail(_ v: HomeVisit, names: StaffNames = StaffNames()) -> String {
        let by = names.callName
        var lines = [visit(v), "地址：\(v.address)", "期望上门：\(v.preferredDay) \(v.preferredTime ?? "")", "诉求：\(v.request)"]
        if let a = v.agent { lines.append("代理人：\(a.name)（\(a.relation)）") }
        if let r = v.review {
            lines.append("审核：\(by(r.by)) \(r.on)\(r.late ? "（超期）" : "")")
            if let reason = r.refusalReason { lines.append("不予上门理由：\(reason)；替代方案：\(r.alternative ?? "")") }
        }
        if let p = v.plan {
            lines.append("上门：\(p.day) \(p.time) \(p.place)；人员 " + p.staff.map(\.displayName).joined(separator: "、"))
            lines.append("材料：" + p.materials.map(\.name).joined(separator: "、"))
        }
        if let id = v.caseID { lines.append("关联案件：#\(id)") }
        if let c = v.identityCheck { lines.append("身份核验：\(Rendering.time(c.at)) \(by(c.by)) \(c.result.label)") }
        if let o = v.outcome {
            lines.append(
                "办理：\(o.summary)" + (o.finishedOnSite ? "（当场办结）" : "；未办结：\(o.unfinished ?? "")，期限 \(o.deadline.map(String.init(describing:)) ?? "-")")
            )
        }
        lines += v.followUps.map { "督办：\(Rendering.time($0.at)) \(by($0.by)) \($0.note)" }
        if let note = v.closingNote { lines.append("办结：\(note)") }
        lines += v.satisfactionCalls.map { "回访：\(by($0.by)) \($0.outcome.label) \($0.note ?? "")" }
        lines += v.spotChecks.map { "抽查：\(by($0.by)) \($0.result.label) \($0.note ?? "")" }
        if !v.receipts.isEmpty { lines.append("回执：已出具 \(v.receipts.count) 次") }
        return lines.joined(separator: "\n")
    }

    static func board(_ list: [VisitDeadlineStatus]) -> String {
        guard !list.isEmpty else { return "没有待审核或待办结的上门服务。" }
        return list.map { s in
            let level = s.level == .overdue ? "已超期" : s.level == .dueSoon ? "即将到期" : "正常"
            let kind = s.kind == .review ? "审核" : "办结"
            return "\(s.number)  \(s.itemName)  \(kind)期限 \(s.dueDay)  \(level)"
        }.joined(separator: "\n")
    }

    static func weekday(_ day: LocalDay) -> String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][day.isoWeekday - 1]
    }

    static func list<T>(_ items: [T], empty: String, _ line: (T) -> String) -> String {
        items.isEmpty ? empty : items.map(line).joined(separator: "\n")
    }

    static func ids(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Saves an A4 document (`GET path`) to `out`, and/or prints it on the office printer (`POST path/print`).
    static func document(_ options: GlobalOptions, path: String, name: String, out: String?, print: Bool) async throws {
        if let out {
            try write(try await options.client.send("GET", path), to: out)
            Swift.print("已保存\(name) \(out)")
        }
        guard print || out == nil else { return }
        let data = try await options.client.send("POST", "\(path)/print", body: [:])
        try options.output(data) {
            let p = try HallJSON.decoder().decode(DocumentPrint.self, from: data).print
            return p.status == "printed" ? "\(name)已打印。" : "\(name)未打印（\(p.message ?? p.status)）"
        }
    }

    /// Writes bytes to a file or device (a PDF, or ESC/POS bytes to /dev/rfcomm0).
    static func write(_ data: Data, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            guard FileManager.default.createFile(atPath: path, contents: data) else {
                throw APIClient.ClientError.unexpected("无法写入 \(path)")
            }
            return
        }
        defer { try? handle.close() }
        try? handle.truncate(atOffset: 0)  // a device (a printer at /dev/rfcomm0) cannot be truncated
        try handle.write(contentsOf: data)
    }
}
