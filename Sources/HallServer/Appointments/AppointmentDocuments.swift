import HallCore
import HallDocuments

/// The A4 documents handed to residents: the appointment confirmation (预约服务确认单) and the
/// home-visit plan (上门服务确认单). Both are `TableReport`s: facts, the materials to bring, notes.
struct AppointmentDocuments {
    let center: HallConfiguration.Center

    /// The confirmation of a booking: code, time, item, what the resident wants done, and every material
    /// to bring (as the catalog listed them when booking); `clerk` is the booking clerk's display name.
    func confirmation(_ a: Appointment, staff: [DutyStaff], clerk: String) -> TableReport {
        var facts = [
            KeyValueRow("预约码", a.code),
            KeyValueRow("预约时间", "\(Self.date(a.day))（\(Self.weekday(a.day))）\(a.time)"),
            KeyValueRow("办理事项", a.itemName),
            KeyValueRow("办理诉求", a.request),
            KeyValueRow("预约人", a.contact.name),
            KeyValueRow("联系电话", a.contact.phone.masked),
        ]
        if let id = a.contact.idNumber { facts.append(KeyValueRow("身份证号", id.masked)) }
        facts += [KeyValueRow("预约方式", a.channel.label), KeyValueRow("登记日期", Self.date(a.bookedOn))]
        if !staff.isEmpty { facts.append(KeyValueRow("值班人员", staff.map(\.displayName).joined(separator: "、"))) }
        return TableReport(
            title: "预约服务确认单", subtitle: center.name, facts: facts,
            columns: Self.materialColumns, rows: Self.rows(a.materials.map(VisitMaterial.init)),
            notes: [
                "请携带上表所列全部材料，于预约时段内到\(center.name)大厅，在自助取号机点击“预约签到”输入预约码，领取优先号。",
                "签到时间：预约时段开始前30分钟至时段结束。未在预约时间内前来办理的，视为取消预约，需重新预约。",
                "连续三次无故取消预约的，将暂停为其提供预约服务。如需取消或改约，请提前致电 \(center.phone)。",
                "预约服务不收取任何费用。",
            ],
            signatures: ["经办人：\(clerk)　　预约人签收：＿＿＿＿＿＿"])
    }

    /// The plan of an approved home visit: time, place, visiting staff, the materials list and the process.
    func visitPlan(_ v: HomeVisit) throws -> TableReport {
        guard let plan = v.plan else { throw HomeVisitError.invalidState(visit: v.number, state: v.state, action: "打印上门服务确认单") }
        var facts = [
            KeyValueRow("申请编号", v.number),
            KeyValueRow("申请人", v.applicant.name),
            KeyValueRow("联系电话", v.applicant.phone.masked),
        ]
        if let agent = v.agent { facts.append(KeyValueRow("代理人", "\(agent.name)（\(agent.relation)）")) }
        facts += [
            KeyValueRow("服务对象类别", v.eligibility.label + (v.eligibilityNote.map { "：\($0)" } ?? "")),
            KeyValueRow("办理事项", v.itemName),
            KeyValueRow("办理诉求", v.request),
            KeyValueRow("上门时间", "\(Self.date(plan.day))（\(Self.weekday(plan.day))）\(plan.time)"),
            KeyValueRow("上门地点", plan.place),
            KeyValueRow("上门人员", plan.staff.map(\.displayName).joined(separator: "、")),
        ]
        var notes = [
            "办理流程：工作人员按约定时间携带移动终端和高拍仪上门，核对材料原件并现场拍摄上传，依法办理业务；当场办结的出具回执，需后续处理的告知办理时限并跟踪督办。",
            "请提前备齐上表所列材料（原件），上门时请申请人本人在场。",
            "如需改期或取消，请提前致电 \(center.phone)。上门服务不收取任何费用。",
        ]
        if let extra = plan.notes { notes.insert("注意事项：\(extra)", at: 1) }
        return TableReport(
            title: "上门服务确认单", subtitle: center.name, facts: facts, columns: Self.materialColumns,
            rows: Self.rows(plan.materials), notes: notes,
            signatures: ["审核人：\(v.review?.by ?? "")　　申请人签收：＿＿＿＿＿＿"])
    }

    static let materialColumns = [
        TableColumn("序号", weight: 0.7, alignment: .center), TableColumn("材料名称", weight: 4),
        TableColumn("原件/复印件", weight: 1.6, alignment: .center),
        TableColumn("份数", weight: 0.8, alignment: .center), TableColumn("说明", weight: 3),
    ]

    static func rows(_ materials: [VisitMaterial]) -> [[String]] {
        materials.enumerated().map { index, m in
            ["\(index + 1)", m.name, m.form.isEmpty ? "—" : m.form, "\(m.count)份", m.notes ?? ""]
        }
    }

    static func date(_ day: LocalDay) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    static func weekday(_ day: LocalDay) -> String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][day.isoWeekday - 1]
    }
}
