import HallCore

/// 补正告知书: tells the applicant, all at once (一次性告知), every material that is missing or
/// must be corrected, why, and by when.
public struct CorrectionNotice: PDFDocumentContent, Equatable {
    public var center: ServiceCenterInfo
    /// The pre-review / case number, also the notice's 编号 unless `noticeNumber` is set.
    public var caseNumber: String
    public var noticeNumber: String?
    public var applicant: NoticeApplicant
    public var itemName: String
    /// The item's name in traditional Mongolian script, printed above the Chinese in a bilingual hall.
    public var itemNameMn: String?
    /// The day the materials were handed in.
    public var submittedOn: LocalDay
    /// Every missing or defective material; must not be empty.
    public var corrections: [MaterialCorrection]
    /// The last day to hand in the corrected materials.
    public var correctionDeadline: LocalDay
    public var window: String
    public var clerk: String
    /// The public case-status page, encoded in the QR code.
    public var statusURL: String
    /// Extra notes printed after the standard ones (as given, in Chinese).
    public var notes: [String]
    /// The fixed wording in the hall's languages (Chinese only unless given).
    public var wording: DocumentWording

    public init(
        center: ServiceCenterInfo, caseNumber: String, noticeNumber: String? = nil,
        applicant: NoticeApplicant, itemName: String, itemNameMn: String? = nil, submittedOn: LocalDay,
        corrections: [MaterialCorrection], correctionDeadline: LocalDay, window: String,
        clerk: String, statusURL: String, notes: [String] = [], wording: DocumentWording = .chinese
    ) {
        self.center = center
        self.caseNumber = caseNumber
        self.noticeNumber = noticeNumber
        self.applicant = applicant
        self.itemName = itemName
        self.itemNameMn = itemNameMn
        self.submittedOn = submittedOn
        self.corrections = corrections
        self.correctionDeadline = correctionDeadline
        self.window = window
        self.clerk = clerk
        self.statusURL = statusURL
        self.notes = notes
        self.wording = wording
    }

    public var documentTitle: String { "补正告知书 \(caseNumber)" }

    /// Handed over as one sheet: QR code and seal stay on the first page.
    public var keepsToOnePage: Bool { true }

    public var pageGeometry: PageGeometry { wording.pageGeometry }

    public func pageFooter(page: Int, of total: Int) -> String { wording.footer(page: page, of: total) }

    /// The Mongolian lines' `{item}`: the item's Mongolian name when it has one (else the Chinese).
    private var mongolianItem: [String: [String: String]] { ["mn": ["item": itemNameMn ?? ""]] }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !corrections.isEmpty else { throw .invalidContent("补正告知书须列明需要补正的材料") }
        let qr = try QRMatrix(encoding: statusURL)

        let w = wording
        page.noticeHeader(center: center, wording: w, titleKey: "doc.correction.title", number: noticeNumber ?? caseNumber)
        page.text("\(applicant.name)：", style: .body, spacingAfter: 4)
        page.paragraph(
            w.lines(
                applicant.kind == .person ? "doc.correction.intro.person" : "doc.correction.intro.enterprise",
                ["item": itemName, "count": "\(corrections.count)"], dates: ["date": submittedOn], ownValues: mongolianItem))

        page.heading(w.lines("doc.correction.section.items"))
        page.table(
            TableSpec(
                columns: [
                    TableColumn(w.label("doc.column.index"), weight: w.isBilingual ? 1.3 : 0.7, alignment: .center),
                    TableColumn(w.label("doc.column.material"), weight: 3),
                    TableColumn(w.label("doc.column.problem"), weight: 1, alignment: .center),
                    TableColumn(w.label("doc.column.reason"), weight: 4.3),
                ],
                rows: corrections.enumerated().map { index, item in
                    ["\(index + 1)", w.name(item.materialName, mongolian: item.materialNameMn), w.label(item.problem.wordingKey), item.reason]
                }))

        page.heading(w.lines("doc.correction.section.deadline"))
        page.paragraph(w.lines("doc.correction.deadline", ["window": window], dates: ["date": correctionDeadline]))

        page.heading(w.lines("doc.correction.section.other"))
        page.numberedItems(
            [
                w.lines("doc.correction.note.case", ["case": caseNumber, "item": itemName], ownValues: mongolianItem),
                w.lines("doc.notice.free"),
                w.lines("doc.correction.note.ask", ["phone": center.phone]),
            ],
            extra: notes)

        page.receiptLines(clerk: "\(clerk)（\(window)）", wording: w)
        page.closingBlock(
            seal: SealPlaceholder(organization: center.name, date: submittedOn.chineseText),
            sealLabel: w.sealLabel(center), qrCode: qr, qrCaption: w.label("doc.notice.scanForProgress"), qrText: statusURL)
    }
}
