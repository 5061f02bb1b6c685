import CPangoCairo

/// A paragraph laid out by Pango for one width: wrapped lines that can be drawn all at once
/// or line by line (so a long paragraph can continue on the next page).
final class TextBlock {
    /// One laid-out line: where it sits inside the block, in points.
    struct Line {
        let pointer: UnsafeMutablePointer<PangoLayoutLine>
        /// Top of the line's slot, from the top of the block.
        let top: Double
        /// Height of the slot (to the next line's top, or to the bottom of the block).
        let height: Double
        /// Baseline, from the top of the line's slot.
        let baseline: Double
        /// Horizontal offset of the line inside the block (alignment, indent).
        let x: Double
    }

    private let cr: OpaquePointer
    private let layout: OpaquePointer
    /// Total height of the block, in points.
    let height: Double
    /// Width the text is wrapped to, in points.
    let width: Double
    private(set) var lines: [Line] = []

    init(cr: OpaquePointer, text: String, style: TextStyle, width: Double, firstLineIndent: Double = 0) {
        self.cr = cr
        self.width = width
        layout = pango_cairo_create_layout(cr)
        let description = pango_font_description_new()
        pango_font_description_set_family(description, style.family)
        pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(description, style.size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, style.pangoAlignment)
        pango_layout_set_line_spacing(layout, Float(style.lineSpacing))
        pango_layout_set_indent(layout, Int32(firstLineIndent * Double(PANGO_SCALE)))
        pango_layout_set_text(layout, text, -1)

        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        height = Double(logical.height) / Double(PANGO_SCALE)
        lines = Self.measureLines(layout, blockHeight: height)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
    }

    /// Draws the whole block with its top-left corner at (`x`, `y`).
    func draw(x: Double, y: Double) {
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }

    /// Draws one line with the top of its slot at `y`; `x` is the block's left edge.
    func draw(line: Line, x: Double, y: Double) {
        cairo_move_to(cr, x + line.x, y + line.baseline)
        pango_cairo_show_layout_line(cr, line.pointer)
    }

    private static func measureLines(_ layout: OpaquePointer, blockHeight: Double) -> [Line] {
        let scale = Double(PANGO_SCALE)
        var raw: [(pointer: UnsafeMutablePointer<PangoLayoutLine>, top: Double, baseline: Double, x: Double)] = []
        guard let iter = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iter) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            if let line = pango_layout_iter_get_line_readonly(iter) {
                let top = Double(logical.y) / scale
                raw.append((line, top, baseline - top, Double(logical.x) / scale))
            }
        } while pango_layout_iter_next_line(iter) != 0
        return raw.enumerated().map { index, line in
            let bottom = index + 1 < raw.count ? raw[index + 1].top : blockHeight
            return Line(
                pointer: line.pointer, top: line.top, height: max(bottom - line.top, 0),
                baseline: line.baseline, x: line.x)
        }
    }
}
