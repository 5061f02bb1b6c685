/// Parts shared by the center's notices.
extension PDFComposer {
    /// The head of a notice: the center's name, the title, and 编号 right-aligned under a rule.
    func noticeHeader(center: ServiceCenterInfo, title: String, number: String) {
        text(center.name, style: TextStyle(size: 16, bold: true, alignment: .center), spacingAfter: 4)
        self.title(title)
        text("编号：\(number)", style: .body.aligned(.right), spacingAfter: 0)
        rule(lineWidth: 1.2, spacing: 5)
        space(4)
    }

    /// Numbered items under a heading: 1. … 2. …
    func numberedItems(_ items: [String]) {
        for (index, item) in items.enumerated() {
            text("\(index + 1). \(item)", style: .body, spacingAfter: 3)
        }
        space(4)
    }

    /// The clerk line and the applicant's acknowledgement with its date blanks: on one line when
    /// both fit, else the clerk on its own line, so that the date blanks never wrap.
    func receiptLines(clerk: String) {
        space(6)
        let clerkText = "经办人：\(clerk)"
        let receipt = "申请人签收：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"
        let together = "\(clerkText)　　\(receipt)"
        if makeBlock(together, style: .body, width: geometry.contentWidth).lines.count == 1 {
            signatureLines([together])
        } else {
            text(clerkText, style: .body, spacingAfter: 4)
            signatureLines([receipt])
        }
        space(4)
    }
}
