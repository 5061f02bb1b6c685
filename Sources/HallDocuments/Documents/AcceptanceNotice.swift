import HallCore

/// 受理通知书: handed to the applicant when the materials are complete and the case is accepted.
public struct AcceptanceNotice: PDFDocumentContent, Equatable {
    public var center: ServiceCenterInfo
    /// The case number (受理编号), also the notice's 编号 unless `noticeNumber` is set.
    public var caseNumber: String
    /// The notice's own serial number, e.g. 某便受〔2026〕第0123号.
    public var noticeNumber: String?
    public var applicant: NoticeApplicant
    /// The catalog item's name, e.g. 个体工商户设立登记.
    public var itemName: String
    public var acceptedOn: LocalDay
    public var materials: [ReceivedMaterial]
    /// Promised time limit in working days (3 simple, 7 complex, or statutory).
    public var promisedWorkingDays: Int
    /// The working day by which the case is finished.
    public var promisedCompletionDate: LocalDay
    public var delivery: DeliveryMethod
    /// The window that accepted the case, e.g. 3号综合受理窗口.
    public var window: String
    /// The accepting clerk (首问负责人).
    public var clerk: String
    /// The public case-status page, encoded in the QR code.
    public var statusURL: String
    /// Extra notes printed after the standard ones.
    public var notes: [String]

    public init(
        center: ServiceCenterInfo, caseNumber: String, noticeNumber: String? = nil,
        applicant: NoticeApplicant, itemName: String, acceptedOn: LocalDay,
        materials: [ReceivedMaterial], promisedWorkingDays: Int, promisedCompletionDate: LocalDay,
        delivery: DeliveryMethod, window: String, clerk: String, statusURL: String,
        notes: [String] = []
    ) {
        self.center = center
        self.caseNumber = caseNumber
        self.noticeNumber = noticeNumber
        self.applicant = applicant
        self.itemName = itemName
        self.acceptedOn = acceptedOn
        self.materials = materials
        self.promisedWorkingDays = promisedWorkingDays
        self.promisedCompletionDate = promisedCompletionDate
        self.delivery = delivery
        self.window = window
        self.clerk = clerk
        self.statusURL = statusURL
        self.notes = notes
    }

    public var documentTitle: String { "受理通知书 \(caseNumber)" }

    /// Handed over as one sheet: QR code and seal stay on the first page.
    public var keepsToOnePage: Bool { true }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !materials.isEmpty else { throw .invalidContent("受理通知书须列明已收取的材料") }
        guard promisedWorkingDays > 0 else { throw .invalidContent("承诺办结时限须大于 0 个工作日") }
        let qr = try QRMatrix(encoding: statusURL)

        page.noticeHeader(center: center, title: "受理通知书", number: noticeNumber ?? caseNumber)
        page.text("\(applicant.name)：", style: .body, spacingAfter: 4)
        page.paragraph(
            "\(applicant.pronoun)于\(acceptedOn.chineseText)提交的“\(itemName)”申请材料已收悉。"
                + "经审查，申请材料齐全、符合法定形式，本中心决定予以受理，并已同步分送相关部门并联审批。"
                + "现将有关事项告知如下：")

        page.heading("一、受理信息")
        // Ordered so that short values pair up on one line (keyValueRows pairShortRows).
        var rows = [
            KeyValueRow("受理编号", caseNumber), KeyValueRow("受理日期", acceptedOn.chineseText),
            KeyValueRow("申请人", applicant.name),
        ]
        if let id = applicant.maskedIdNumber { rows.append(KeyValueRow("证件号码", id)) }
        rows += [
            KeyValueRow("申请事项", itemName),
            KeyValueRow("咨询电话", center.phone),
            KeyValueRow("承诺办结时限", "\(promisedWorkingDays)个工作日（\(promisedCompletionDate.chineseText)前办结）"),
            KeyValueRow("结果送达方式", delivery.label),
            KeyValueRow("受理窗口", window),
            KeyValueRow("经办人", clerk),
        ]
        page.keyValueRows(rows, labelWidth: 86, pairShortRows: true)

        page.heading("二、已收取材料")
        page.table(
            TableSpec(
                columns: [
                    TableColumn("序号", weight: 0.7, alignment: .center),
                    TableColumn("材料名称", weight: 5),
                    TableColumn("原件/复印件", weight: 1.6, alignment: .center),
                    TableColumn("份数", weight: 0.9, alignment: .center),
                ],
                rows: materials.enumerated().map { index, material in
                    ["\(index + 1)", material.name, material.form.label, "\(material.count)份"]
                },
                footer: ["", "合计", "", "\(materials.reduce(0) { $0 + $1.count })份"]))

        page.heading("三、注意事项")
        page.numberedItems(
            [
                "本事项办理不收取任何费用。",
                "请妥善保管本通知书，领取办理结果时请携带本通知书及有效身份证件。",
                "可扫描下方二维码或拨打咨询电话 \(center.phone) 查询办理进度。",
            ] + notes)

        page.receiptLines(clerk: clerk)
        page.closingBlock(
            seal: SealPlaceholder(organization: center.name, date: acceptedOn.chineseText),
            qrCode: qr, qrCaption: "扫码查询办理进度", qrText: statusURL)
    }
}
