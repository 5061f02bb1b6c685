import HallCore
import HallDocuments

/// The A4 documents handed to residents: the appointment confirmation (预约服务确认单) and the
/// home-visit plan (上门服务确认单). Both are `TableReport`s: facts, the materials to bring, notes.
/// Their fixed wording is the catalogs' `doc.appointment.*` and `doc.visit.*` keys, in each of the
/// hall's languages (the head's corrections apply to the next document), and so are the fixed values
/// (weekday, 份, booking channel, eligibility, `doc.value.*`); names, codes and materials' notes stay as
/// they are; an item's and a material's catalog Mongolian name (`nameMn`) stands above its Chinese.
struct AppointmentDocuments {
    let center: HallConfiguration.Center
    let wording: ResidentWording

    /// The confirmation of a booking: code, time, item, what the resident wants done, and every material
    /// to bring (as the catalog listed them when booking); `clerk` is the booking clerk's display name.
    func confirmation(_ a: Appointment, staff: [DutyStaff], clerk: String) -> TableReport {
        let w = wording.documentWording()
        func row(_ name: String, _ value: String) -> KeyValueRow { KeyValueRow(w.label("doc.appointment.label.\(name)"), value) }
        var facts = [
            row("code", a.code), row("time", w.dateTime(a.day, "\(a.time)")), row("item", w.name(a.itemName, mongolian: a.itemNameMn)),
            row("request", a.request), row("contact", a.contact.name), row("phone", a.contact.phone.masked),
        ]
        if let id = a.contact.idNumber { facts.append(row("idNumber", id.masked)) }
        facts += [row("channel", w.label(a.channel.documentKey)), row("bookedOn", w.day(a.bookedOn))]
        if !staff.isEmpty { facts.append(row("staff", staff.map(\.displayName).joined(separator: "、"))) }
        return TableReport(
            title: w.text("doc.appointment.title"), subtitle: w.centerName(center.documentInfo), facts: facts,
            columns: Self.materialColumns(w), rows: Self.rows(a.materials.map(VisitMaterial.init), w),
            notes: [
                w.text("doc.appointment.note.checkIn", ["center": center.name], ownValues: ["mn": ["center": center.mongolianName]]),
                w.text("doc.appointment.note.window"),
                w.text("doc.appointment.note.cancel", ["phone": center.phone]), w.text("doc.appointment.note.free"),
            ],
            signatures: [w.text("doc.appointment.signature", ["clerk": clerk])], pageGeometry: w.pageGeometry, wording: w)
    }

    /// The plan of an approved home visit: time, place, visiting staff, the materials list and the process.
    func visitPlan(_ v: HomeVisit) throws -> TableReport {
        guard let plan = v.plan else { throw HomeVisitError.invalidState(visit: v.number, state: v.state, action: "打印上门服务确认单") }
        let w = wording.documentWording()
        func row(_ key: String, _ value: String) -> KeyValueRow { KeyValueRow(w.label(key), value) }
        var facts = [
            row("doc.visit.label.number", v.number), row("doc.label.applicant", v.applicant.name),
            row("doc.appointment.label.phone", v.applicant.phone.masked),
        ]
        if let agent = v.agent { facts.append(row("doc.visit.label.agent", "\(agent.name)（\(agent.relation)）")) }
        facts += [
            row("doc.visit.label.eligibility", Self.eligibility(v, w)),
            row("doc.appointment.label.item", w.name(v.itemName, mongolian: v.itemNameMn)), row("doc.appointment.label.request", v.request),
            row("doc.visit.label.time", w.dateTime(plan.day, "\(plan.time)")),
            row("doc.visit.label.place", plan.place),
            row("doc.visit.label.staff", plan.staff.map(\.displayName).joined(separator: "、")),
        ]
        var notes = [
            w.text("doc.visit.note.process"), w.text("doc.visit.note.materials"),
            w.text("doc.visit.note.change", ["phone": center.phone]),
        ]
        if let extra = plan.notes { notes.insert(w.text("doc.visit.note.extra", ["notes": extra]), at: 1) }
        return TableReport(
            title: w.text("doc.visit.title"), subtitle: w.centerName(center.documentInfo), facts: facts, columns: Self.materialColumns(w),
            rows: Self.rows(plan.materials, w), notes: notes,
            signatures: [w.text("doc.visit.signature", ["reviewer": v.review?.by ?? ""])], pageGeometry: w.pageGeometry,
            wording: w)
    }

    /// The materials table's columns; in a bilingual document 序号 and 份数 get room for their Mongolian
    /// (taken from 材料名称).
    static func materialColumns(_ w: DocumentWording) -> [TableColumn] {
        [
            TableColumn(w.label("doc.column.index"), weight: w.isBilingual ? 1.3 : 0.7, alignment: .center),
            TableColumn(w.label("doc.column.material"), weight: w.isBilingual ? 3.5 : 4),
            TableColumn(w.label("doc.column.form"), weight: 1.6, alignment: .center),
            TableColumn(w.label("doc.column.count"), weight: w.isBilingual ? 1.3 : 0.8, alignment: .center),
            TableColumn(w.label("doc.column.remarks"), weight: 3),
        ]
    }

    /// The materials' rows: their names, forms and notes as the catalog gives them, 份 in each language.
    static func rows(_ materials: [VisitMaterial], _ w: DocumentWording) -> [[String]] {
        materials.enumerated().map { index, m in
            ["\(index + 1)", w.materialName(m), w.materialForm(m.form), w.label("doc.value.copies", ["count": "\(m.count)"]), m.notes ?? ""]
        }
    }

    /// The eligibility in each language, the reviewer's note (as written) after each.
    static func eligibility(_ v: HomeVisit, _ w: DocumentWording) -> String {
        guard let note = v.eligibilityNote else { return w.label(v.eligibility.documentKey) }
        return w.label("doc.value.withNote", ["note": note], keys: ["value": v.eligibility.documentKey])
    }
}
