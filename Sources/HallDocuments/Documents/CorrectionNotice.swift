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
    /// Extra notes printed after the standard ones.
    public var notes: [String]

    public init(
        center: ServiceCenterInfo, caseNumber: String, noticeNumber: String? = nil,
        applicant: NoticeApplicant, itemName: String, submittedOn: LocalDay,
        corrections: [MaterialCorrection], correctionDeadline: LocalDay, window: String,
        clerk: String, statusURL: String, notes: [String] = []
    ) {
        self.center = center
        self.caseNumber = caseNumber
        self.noticeNumber = noticeNumber
        self.applicant = applicant
        self.itemName = itemName
        self.submittedOn = submittedOn
        self.corrections = corrections
        self.correctionDeadline = correctionDeadline
        self.window = window
        self.clerk = clerk
        self.statusURL = statusURL
        self.notes = notes
    }

    public var documentTitle: String { "补正告知书 \(caseNumber)" }

    /// Handed over as one sheet: QR code and seal stay on the first page.
    public var keepsToOnePage: Bool { true }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !corrections.isEmpty else { throw .invalidContent("补正告知书须列明需要补正的材料") }
        let qr = try QRMatrix(encoding: statusURL)

        page.noticeHeader(center: center, title: "补正告知书", number: noticeNumber ?? caseNumber)
        page.text("\(applicant.name)：", style: .body, spacingAfter: 4)
        page.paragraph(
            "\(applicant.pronoun)于\(submittedOn.chineseText)提交的“\(itemName)”申请材料，"
                + "经审查，尚有以下\(corrections.count)项材料需要补正。根据一次性告知制度，"
                + "现将需要补正的全部材料及原因一次性告知如下：")

        page.heading("一、需要补正的材料")
        page.table(
            TableSpec(
                columns: [
                    TableColumn("序号", weight: 0.7, alignment: .center),
                    TableColumn("材料名称", weight: 3),
                    TableColumn("情形", weight: 1, alignment: .center),
                    TableColumn("原因及补正要求", weight: 4.3),
                ],
                rows: corrections.enumerated().map { index, item in
                    ["\(index + 1)", item.materialName, item.problem.label, item.reason]
                }))

        page.heading("二、补正期限及办理方式")
        page.paragraph(
            "请于\(correctionDeadline.chineseText)前，携带上述全部补正材料及本告知书到"
                + "\(window)重新提交。补正材料齐全、符合法定形式的，本中心当场予以受理并出具受理通知书。")

        page.heading("三、其他事项")
        page.numberedItems(
            [
                "受理编号：\(caseNumber)；申请事项：\(itemName)。",
                "本事项办理不收取任何费用。",
                "如对补正内容有疑问，请咨询经办人或拨打咨询电话 \(center.phone)。",
            ] + notes)

        page.receiptLines(clerk: "\(clerk)（\(window)）")
        page.closingBlock(
            seal: SealPlaceholder(organization: center.name, date: submittedOn.chineseText),
            qrCode: qr, qrCaption: "扫码查询办理进度", qrText: statusURL)
    }
}
