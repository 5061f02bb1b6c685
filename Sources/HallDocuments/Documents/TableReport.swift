import HallCore

/// A generic tabular report: title, subtitle, optional header facts, one bordered table with
/// an optional totals row, notes, and an optional seal. Used for the monthly staff ledger
/// (登记台账) and appointment confirmations.
public struct TableReport: PDFDocumentContent, Equatable {
    public var title: String
    public var subtitle: String?
    /// Facts printed above the table, e.g. 统计期间：2026年11月.
    public var facts: [KeyValueRow]
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// The totals row (bold), one cell per column.
    public var totals: [String]?
    /// Lines printed under the table.
    public var notes: [String]
    /// Signature lines, e.g. 制表人：＿＿＿　审核人：＿＿＿.
    public var signatures: [String]
    /// The seal placeholder, when the report is an official record.
    public var seal: SealPlaceholder?
    public var pageGeometry: PageGeometry

    public init(
        title: String, subtitle: String? = nil, facts: [KeyValueRow] = [], columns: [TableColumn],
        rows: [[String]], totals: [String]? = nil, notes: [String] = [], signatures: [String] = [],
        seal: SealPlaceholder? = nil, pageGeometry: PageGeometry = .a4
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
    }

    public var documentTitle: String { title }

    public func compose(on page: PDFComposer) throws(DocumentError) {
        guard !columns.isEmpty else { throw .invalidContent("表格没有列") }
        if let bad = (rows + (totals.map { [$0] } ?? [])).first(where: { $0.count != columns.count }) {
            throw .invalidContent("行的单元格数（\(bad.count)）与列数（\(columns.count)）不一致")
        }
        page.title(title)
        if let subtitle {
            page.text(subtitle, style: TextStyle(size: 13, alignment: .center), spacingAfter: 10)
        }
        if !facts.isEmpty { page.keyValueRows(facts, labelWidth: 90, style: .cell) }
        page.table(TableSpec(columns: columns, rows: rows, footer: totals))
        for note in notes { page.text(note, style: .cell, spacingAfter: 3) }
        if !signatures.isEmpty { page.space(6); page.signatureLines(signatures) }
        if let seal { page.closingBlock(seal: seal) }
    }
}
