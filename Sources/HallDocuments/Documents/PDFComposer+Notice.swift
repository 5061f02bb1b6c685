/// Parts shared by the center's notices.
extension PDFComposer {
    /// The head of a notice: the center's name (its Mongolian name above it in a bilingual notice,
    /// when there is one), the title, and 编号 right-aligned under a rule.
    func noticeHeader(center: ServiceCenterInfo, wording: DocumentWording, titleKey: String, number: String) {
        let nameStyle = TextStyle(size: 16, bold: true, alignment: .center)
        say(wording.centerName(center).lines, style: nameStyle, spacingAfter: 4, between: 1)
        title(wording.lines(titleKey))
        say(wording.lines("doc.notice.number", ["number": number]), style: .body.aligned(.right), spacingAfter: 0, between: 1)
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

    /// The clerk line and the applicant's acknowledgement with its date blanks, in each language:
    /// on one line when both fit, else the clerk on its own line, so that the date blanks never wrap.
    func receiptLines(clerk: String, wording: DocumentWording) {
        space(6)
        let clerkLines = wording.lines("doc.notice.clerk", ["clerk": clerk])
        let receiptLines = wording.lines("doc.notice.receipt")
        for (clerkLine, receiptLine) in zip(clerkLines, receiptLines) {
            let style = Self.style(.body, for: clerkLine)
            let together = "\(clerkLine.text)　　\(receiptLine.text)"
            if makeBlock(together, style: style, width: geometry.contentWidth).lines.count == 1 {
                signatureLines([together], style: style)
            } else {
                text(clerkLine.text, style: style, spacingAfter: 4)
                signatureLines([receiptLine.text], style: style)
            }
        }
        space(4)
    }
}
