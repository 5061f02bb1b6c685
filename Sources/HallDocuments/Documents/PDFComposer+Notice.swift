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

    /// The applicant's acknowledgement line and the clerk line, right-aligned.
    func receiptLines(clerk: String) {
        space(6)
        signatureLines(["经办人：\(clerk)　　申请人签收：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日"])
        space(4)
    }
}
