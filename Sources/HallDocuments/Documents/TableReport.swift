import HallCore

/// A generic tabular report: title, subtitle, optional header facts, one bordered table with
/// an optional totals row, notes, and an optional seal. Used for the monthly staff ledger
/// (登记台账), appointment confirmations and home-visit plans. Its fixed texts may be in several
/// languages (`DocumentText`), one under the other.
public struct TableReport: PDFDocumentContent, Equatable {
    public var title: DocumentText
    public var subtitle: DocumentText?
    /// Facts printed above the table, e.g. 统计期间：2026年11月.
    public var facts: [KeyValueRow]
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// The totals row (bold), one cell per column.
    public var totals: [String]?
    /// Lines printed under the table.
    public var notes: [DocumentText]
    /// Signature lines, e.g. 制表人：＿＿＿　审核人：＿＿＿.
    public var signatures: [DocumentText]
    /// The seal placeholder, when the report is an official record.
    public var seal: SealPlaceholder?
    public var pageGeometry: PageGeometry
    /// The languages of the page footer (第 n 页 共 m 页); with more than one, the facts' labels
    /// (one line per language) get more room. Chinese only unless given.
    public var wording: DocumentWording

    public init(
        title: DocumentText, subtitle: DocumentText? = nil, facts: [KeyValueRow] = [], columns: [TableColumn],
        rows: [[String]], totals: [String]? = nil, notes: [DocumentText] = [], signatures: [DocumentText] = [],
        seal: SealPlaceholder? = nil, pageGeometry: PageGeometry = .a4, wording: DocumentWording = .chinese
    ) {
        self.title = title
        self.subtitle = subtitle
        self.facts = facts
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.notes = notes
        self.signatures = signatures
        self.seal = seal
        self.pageGeometry = pageGeometry
        self.wording = wording
    }

    public var documentTitle: String { title.chinese }

    public func pageFooter(page: Int, of total: Int) -> String { wording.footer(page: page, of: total) }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !columns.isEmpty else { throw .invalidContent("表格没有列") }
        if let bad = (rows + (totals.map { [$0] } ?? [])).first(where: { $0.count != columns.count }) {
            throw .invalidContent("行的单元格数（\(bad.count)）与列数（\(columns.count)）不一致")
        }
        page.title(title.lines)
        if let subtitle {
            page.say(subtitle.lines, style: TextStyle(size: 13, alignment: .center), spacingAfter: 10, between: 1)
        }
        if !facts.isEmpty {
            // A label of two scripts packs its lines (the Mongolian face's line is tall).
            var style = TextStyle.cell
            if wording.isBilingual { style.lineSpacing = 0.8 }
            page.keyValueRows(facts, labelWidth: wording.isBilingual ? 120 : 90, style: style)
        }
        page.table(TableSpec(columns: columns, rows: rows, footer: totals))
        for note in notes { page.say(note.lines, style: .cell, spacingAfter: 3, between: 1) }
        if !signatures.isEmpty { page.space(6); page.signatureLines(signatures) }
        if let seal { page.closingBlock(seal: seal) }
    }
}
