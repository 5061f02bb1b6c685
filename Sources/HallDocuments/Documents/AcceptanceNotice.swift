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
    /// The item's name in traditional Mongolian script, printed above the Chinese in a bilingual hall.
    public var itemNameMn: String?
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
    /// Extra notes printed after the standard ones (as given, in Chinese).
    public var notes: [String]
    /// The fixed wording in the hall's languages (Chinese only unless given).
    public var wording: DocumentWording

    public init(
        center: ServiceCenterInfo, caseNumber: String, noticeNumber: String? = nil,
        applicant: NoticeApplicant, itemName: String, itemNameMn: String? = nil, acceptedOn: LocalDay,
        materials: [ReceivedMaterial], promisedWorkingDays: Int, promisedCompletionDate: LocalDay,
        delivery: DeliveryMethod, window: String, clerk: String, statusURL: String,
        notes: [String] = [], wording: DocumentWording = .chinese
    ) {
        self.center = center
        self.caseNumber = caseNumber
        self.noticeNumber = noticeNumber
        self.applicant = applicant
        self.itemName = itemName
        self.itemNameMn = itemNameMn
        self.acceptedOn = acceptedOn
        self.materials = materials
        self.promisedWorkingDays = promisedWorkingDays
        self.promisedCompletionDate = promisedCompletionDate
        self.delivery = delivery
        self.window = window
        self.clerk = clerk
        self.statusURL = statusURL
        self.notes = notes
        self.wording = wording
    }

    public var documentTitle: String { "受理通知书 \(caseNumber)" }

    /// Handed over as one sheet: QR code and seal stay on the first page.
    public var keepsToOnePage: Bool { true }

    public var pageGeometry: PageGeometry { wording.pageGeometry }

    public func pageFooter(page: Int, of total: Int) -> String { wording.footer(page: page, of: total) }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !materials.isEmpty else { throw .invalidContent("受理通知书须列明已收取的材料") }
        guard promisedWorkingDays > 0 else { throw .invalidContent("承诺办结时限须大于 0 个工作日") }
        let qr = try QRMatrix(encoding: statusURL)

        let w = wording
        page.noticeHeader(center: center, wording: w, titleKey: "doc.acceptance.title", number: noticeNumber ?? caseNumber)
        page.text("\(applicant.name)：", style: .body, spacingAfter: 4)
        page.paragraph(
            w.lines(
                applicant.kind == .person ? "doc.acceptance.intro.person" : "doc.acceptance.intro.enterprise",
                ["item": itemName], dates: ["date": acceptedOn], ownValues: ["mn": ["item": itemNameMn ?? ""]]))

        page.heading(w.lines("doc.acceptance.section.info"))
        // Ordered so that short values pair up on one line (keyValueRows pairShortRows).
        var rows = [
            KeyValueRow(w.label("doc.label.caseNumber"), caseNumber),
            KeyValueRow(w.label("doc.label.acceptedOn"), acceptedOn.chineseText),
            KeyValueRow(w.label("doc.label.applicant"), applicant.name),
        ]
        if let id = applicant.maskedIdNumber { rows.append(KeyValueRow(w.label("doc.label.idNumber"), id)) }
        rows += [
            KeyValueRow(w.label("doc.label.item"), w.name(itemName, mongolian: itemNameMn)),
            KeyValueRow(w.label("doc.label.phone"), center.phone),
            KeyValueRow(
                w.label("doc.label.timeLimit"),
                w.label("doc.value.timeLimit", ["days": "\(promisedWorkingDays)"], dates: ["date": promisedCompletionDate])),
            KeyValueRow(w.label("doc.label.delivery"), delivery.label(in: w)),
            KeyValueRow(w.label("doc.label.window"), window),
            KeyValueRow(w.label("doc.label.clerk"), clerk),
        ]
        // A label of two scripts packs its lines (the Mongolian face's line is tall).
        var rowStyle = TextStyle.body
        if w.isBilingual { rowStyle.lineSpacing = 0.8 }
        page.keyValueRows(
            rows, labelWidth: w.isBilingual ? 120 : 86, pairLabelWidth: w.isBilingual ? 120 : nil, style: rowStyle,
            pairShortRows: true)

        page.heading(w.lines("doc.acceptance.section.materials"))
        page.table(
            TableSpec(
                columns: [
                    TableColumn(w.label("doc.column.index"), weight: w.isBilingual ? 1.3 : 0.7, alignment: .center),
                    TableColumn(w.label("doc.column.material"), weight: 5),
                    TableColumn(w.label("doc.column.form"), weight: 1.6, alignment: .center),
                    TableColumn(w.label("doc.column.count"), weight: 0.9, alignment: .center),
                ],
                rows: materials.enumerated().map { index, material in
                    [
                        "\(index + 1)", w.name(material.name, mongolian: material.nameMn), w.label(material.form.wordingKey),
                        w.label("doc.value.copies", ["count": "\(material.count)"]),
                    ]
                },
                footer: [
                    "", w.label("doc.table.total"), "", w.label("doc.value.copies", ["count": "\(materials.reduce(0) { $0 + $1.count })"]),
                ]))

        page.heading(w.lines("doc.acceptance.section.notes"))
        page.numberedItems(
            [
                w.lines("doc.notice.free"), w.lines("doc.acceptance.note.keep"),
                w.lines("doc.acceptance.note.progress", ["phone": center.phone]),
            ],
            extra: notes)

        page.receiptLines(clerk: clerk, wording: w)
        page.closingBlock(
            seal: SealPlaceholder(organization: center.name, date: acceptedOn.chineseText),
            sealLabel: w.sealLabel(center), qrCode: qr, qrCaption: w.label("doc.notice.scanForProgress"), qrText: statusURL)
    }
}
