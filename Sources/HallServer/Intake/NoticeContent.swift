import HallCore
import HallDocuments

/// Maps a case, the catalog's copy of its item and the center's configuration to the notice
/// documents' input structs.
struct NoticeContent {
    let configuration: HallConfiguration
    /// Keys the public status link printed as a QR code.
    let keys: CaseKeys
    /// The residents' wording (the head's corrections apply to the next notice).
    let wording: ResidentWording

    var center: ServiceCenterInfo { configuration.center.documentInfo }

    /// 受理通知书 of an accepted case; `clerk` is the accepting clerk's display name (经办人).
    func acceptance(_ c: Case, clerk: String) throws -> AcceptanceNotice {
        guard let number = c.number, let accepted = c.acceptedDay, let promised = c.promisedDay else {
            throw NoticeError.notAvailable(case: c.reference, kind: "受理通知书")
        }
        return AcceptanceNotice(
            center: center, caseNumber: number, applicant: applicant(c.applicant), itemName: c.item.name,
            itemNameMn: c.item.nameMn, acceptedOn: accepted,
            materials: c.received.map {
                HallDocuments.ReceivedMaterial(
                    name: $0.name, form: HallDocuments.ReceivedMaterial.Form($0.form), count: $0.count,
                    nameMn: Self.mongolianName(of: $0.materialID, in: c))
            },
            promisedWorkingDays: c.item.timeLimit.workingDays, promisedCompletionDate: promised,
            delivery: delivery(c.delivery), window: windowName(c.window), clerk: clerk, statusURL: statusURL(c),
            notes: c.hasProvisionalDates ? ["承诺办结日期按暂定日历计算，如遇国家节假日调整将顺延。"] : [],
            wording: wording.documentWording())
    }

    /// 补正告知书 of a case waiting for corrections; `clerk` is the clerk's display name (经办人).
    func correction(_ c: Case, clerk: String, submittedOn day: LocalDay) throws -> CorrectionNotice {
        guard let deadline = c.correctionDeadline, !c.corrections.isEmpty else {
            throw NoticeError.notAvailable(case: c.reference, kind: "补正告知书")
        }
        return CorrectionNotice(
            center: center, caseNumber: Self.preReviewNumber(c), applicant: applicant(c.applicant), itemName: c.item.name,
            itemNameMn: c.item.nameMn, submittedOn: day,
            corrections: c.corrections.map {
                MaterialCorrection(
                    materialName: $0.name, problem: $0.problem == .missing ? .missing : .defective,
                    reason: Self.reason($0), materialNameMn: Self.mongolianName(of: $0.materialID, in: c))
            },
            correctionDeadline: deadline, window: windowName(c.window), clerk: clerk, statusURL: statusURL(c),
            wording: wording.documentWording())
    }

    /// A material's Mongolian name from the case's copy of its catalog item (nil for a material the
    /// item does not list, or one without a Mongolian name).
    static func mongolianName(of materialID: String, in c: Case) -> String? {
        c.item.materials.first { $0.id == materialID }?.nameMn
    }

    /// The clerk's reason, with the checklist's note when there is one.
    static func reason(_ item: CorrectionItem) -> String {
        guard let note = item.notes, !note.isEmpty else { return item.reason }
        return "\(item.reason)；\(note)"
    }

    /// A case not accepted yet has no case number: its notices carry 预审 + its identifier.
    static func preReviewNumber(_ c: Case) -> String { c.number ?? "预审第\(c.id)号" }

    /// The public status page the QR code points to.
    func statusURL(_ c: Case) -> String {
        configuration.center.publicURL(keys.statusPath(for: c))
    }

    /// `3号社保医保窗口`, or the comprehensive window when the case was opened without one.
    func windowName(_ number: Int?) -> String {
        guard let number else { return "综合受理窗口" }
        let name = configuration.windows.first { $0.number == number }?.name ?? "窗口"
        return "\(number)号\(name)"
    }

    private func applicant(_ a: Applicant) -> NoticeApplicant {
        switch a {
        case .person(let p): NoticeApplicant(name: p.name, kind: .person, idNumber: p.idNumber.value)
        case .enterprise(let e): NoticeApplicant(name: e.name, kind: .enterprise, idNumber: e.creditCode.value)
        }
    }

    private func delivery(_ d: DeliveryPreference) -> DeliveryMethod {
        switch d {
        case .windowPickup: .windowPickup
        case .post(let address, _, _): .post(address: address)
        }
    }
}
