import CPangoCairo

/// A column of a bordered table.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// Relative width: the column gets `weight / sum of weights` of the content width.
    public var weight: Double
    public var alignment: TextStyle.Alignment

    public init(_ title: String, weight: Double = 1, alignment: TextStyle.Alignment = .left) {
        self.title = title
        self.weight = weight
        self.alignment = alignment
    }
}

/// A bordered table: a header row, body rows and an optional bold footer row (totals).
public struct TableSpec: Sendable, Equatable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var footer: [String]?

    public init(columns: [TableColumn], rows: [[String]], footer: [String]? = nil) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}

extension PDFComposer {
    /// Draws `table` across the content width. Cells wrap; a row never splits across pages;
    /// the header row is repeated at the top of every continuation page.
    public func table(_ table: TableSpec) {
        let totalWeight = table.columns.reduce(0) { $0 + max($1.weight, 0.01) }
        let widths = table.columns.map { max($0.weight, 0.01) / totalWeight * geometry.contentWidth }
        let header = table.columns.map(\.title)

        func row(_ cells: [String], header isHeader: Bool = false, bold: Bool = false) -> TableRowLayout {
            TableRowLayout(
                composer: self, cells: cells, columns: table.columns, widths: widths,
                isHeader: isHeader, bold: bold)
        }

        let headerRow = row(header, header: true)
        ensureSpace(headerRow.height + (table.rows.first.map { row($0).height } ?? 0))
        headerRow.draw()
        for cells in table.rows {
            let body = row(cells)
            if body.height > remainingHeight {
                newPage()
                row(header, header: true).draw()
            }
            body.draw()
        }
        if let footer = table.footer {
            let totals = row(footer, bold: true)
            if totals.height > remainingHeight {
                newPage()
                row(header, header: true).draw()
            }
            totals.draw()
        }
        space(8)
    }
}

/// One laid-out table row, ready to be drawn at the composer's cursor.
private struct TableRowLayout {
    static let paddingX = 4.0
    static let paddingY = 3.5

    let composer: PDFComposer
    let blocks: [TextBlock]
    let widths: [Double]
    let isHeader: Bool
    let height: Double

    init(
        composer: PDFComposer, cells: [String], columns: [TableColumn], widths: [Double],
        isHeader: Bool, bold: Bool
    ) {
        self.composer = composer
        self.widths = widths
        self.isHeader = isHeader
        blocks = columns.indices.map { index in
            let text = index < cells.count ? cells[index] : ""
            var style = isHeader ? TextStyle.cellHeader : TextStyle.cell.aligned(columns[index].alignment)
            if bold { style = style.emphasized }
            return composer.makeBlock(
                text, style: style,
                width: max(widths[index] - 2 * Self.paddingX, 1))
        }
        height = (blocks.map(\.height).max() ?? 0) + 2 * Self.paddingY * composer.scale
    }

    func draw() {
        let cr = composer.cr
        let top = composer.cursorY
        var x = composer.geometry.marginLeft
        for (index, block) in blocks.enumerated() {
            let width = widths[index]
            if isHeader {
                composer.setColor(gray: 0.9)
                cairo_rectangle(cr, x, top, width, height)
                cairo_fill(cr)
            }
            composer.setColor(gray: 0)
            cairo_set_line_width(cr, 0.7)
            cairo_rectangle(cr, x, top, width, height)
            cairo_stroke(cr)
            let textTop = top + (height - block.height) / 2
            block.draw(x: x + Self.paddingX, y: textTop)
            x += width
        }
        composer.moveCursor(to: top + height)
    }
}
