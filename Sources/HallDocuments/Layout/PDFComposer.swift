import CPangoCairo

/// Lays a document out top to bottom on pages of one geometry, breaking pages when the next
/// block does not fit, and drawing the footer (page numbers) on each page.
///
/// A composer lives only inside `PDFDocumentContent.compose(on:)`; it is not Sendable and must
/// not escape that call.
public final class PDFComposer {
    /// The page size and margins.
    public let geometry: PageGeometry
    /// The vertical position of the next block, in points from the top of the page.
    public private(set) var cursorY: Double
    /// The number of the page being drawn, from 1.
    public private(set) var pageNumber = 1
    /// How much type sizes and vertical spacing are scaled (1 = as specified). A document that
    /// must fit one sheet is composed again at a smaller scale when it spills (`PageFit`).
    public let scale: Double

    let cr: OpaquePointer
    private let footerText: (Int) -> String

    init(cr: OpaquePointer, geometry: PageGeometry, scale: Double = 1, footerText: @escaping (Int) -> String) {
        self.cr = cr
        self.geometry = geometry
        self.scale = scale
        self.footerText = footerText
        cursorY = geometry.marginTop
    }

    /// Space left on the current page before the footer.
    public var remainingHeight: Double { geometry.contentBottom - cursorY }

    private var atPageTop: Bool { cursorY <= geometry.marginTop + 0.5 }

    /// Ends the current page (with its footer) and starts the next one.
    public func newPage() {
        drawFooter()
        cairo_show_page(cr)
        pageNumber += 1
        cursorY = geometry.marginTop
    }

    /// Starts a new page unless `height` points still fit on this one (or the page is empty).
    public func ensureSpace(_ height: Double) {
        if height > remainingHeight && !atPageTop { newPage() }
    }

    /// Moves down by `points` times the scale (not past the bottom of the page).
    public func space(_ points: Double) {
        cursorY = min(cursorY + points * scale, geometry.contentBottom)
    }

    /// Sets `text` across the content width, line by line, continuing on the next page when
    /// needed. `firstLineIndent` in points (Chinese paragraphs indent two characters).
    public func text(
        _ text: String, style: TextStyle = .body, firstLineIndent: Double = 0,
        spacingAfter: Double = 6
    ) {
        let block = TextBlock(
            cr: cr, text: text, style: style.scaled(scale), width: geometry.contentWidth,
            firstLineIndent: firstLineIndent * scale)
        setColor(gray: 0)
        for line in block.lines {
            ensureSpace(line.height)
            block.draw(line: line, x: geometry.marginLeft, y: cursorY)
            cursorY += line.height
        }
        space(spacingAfter)
    }

    /// Moves down by exactly `points` (a measured height, not scaled), not past the bottom of the page.
    func advance(_ points: Double) {
        cursorY = min(cursorY + points, geometry.contentBottom)
    }

    /// A centred bold title (e.g. 受理通知书).
    public func title(_ text: String) {
        self.text(text, style: .title, spacingAfter: 8)
    }

    /// A section heading, kept on the same page as the next few lines.
    public func heading(_ text: String) {
        ensureSpace((TextStyle.heading.size * 1.4 + 3 * TextStyle.body.size * TextStyle.body.lineSpacing) * scale)
        space(2)
        self.text(text, style: .heading, spacingAfter: 4)
    }

    /// A body paragraph with the customary two-character first-line indent.
    public func paragraph(_ text: String, style: TextStyle = .body) {
        self.text(text, style: style, firstLineIndent: 2 * style.size, spacingAfter: 6)
    }

    /// A horizontal rule across the content width.
    public func rule(lineWidth: Double = 0.8, spacing: Double = 6) {
        ensureSpace(spacing * 2 * scale)
        space(spacing)
        setColor(gray: 0)
        cairo_set_line_width(cr, lineWidth)
        cairo_move_to(cr, geometry.marginLeft, cursorY)
        cairo_line_to(cr, geometry.width - geometry.marginRight, cursorY)
        cairo_stroke(cr)
        space(spacing)
    }

    /// Called once after the document is composed: draws the last page's footer.
    func finish() {
        drawFooter()
        cairo_show_page(cr)
    }

    func makeBlock(_ text: String, style: TextStyle, width: Double) -> TextBlock {
        TextBlock(cr: cr, text: text, style: style.scaled(scale), width: width)
    }

    func setColor(gray: Double) {
        cairo_set_source_rgb(cr, gray, gray, gray)
    }

    /// Moves the cursor to `y` (used by blocks that draw side by side).
    func moveCursor(to y: Double) {
        cursorY = y
    }

    private func drawFooter() {
        let block = TextBlock(cr: cr, text: footerText(pageNumber), style: .small, width: geometry.contentWidth)
        setColor(gray: 0.25)
        let top = geometry.height - geometry.marginBottom - block.height
        block.draw(x: geometry.marginLeft, y: top)
        setColor(gray: 0)
    }
}
