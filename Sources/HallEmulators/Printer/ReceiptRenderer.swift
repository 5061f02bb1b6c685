import CPangoCairo
import Foundation
import HallPrinter

/// Renders a ``PrintedReceipt`` to a PNG the way the paper would look: text through
/// Pango/Cairo with a CJK font at the printer's 12×24-dot font-A metrics, QR codes from
/// libqrencode's matrix with the printer's module size, raster images bit by bit.
public struct ReceiptRenderer: Sendable {
    /// Paper width in dots (one PNG pixel per printer dot).
    public var widthDots: Int
    /// Font family; Debian's fonts-noto-cjk provides "Noto Sans CJK SC".
    public var fontFamily: String
    /// Font-A cell height in dots.
    public var cellHeight = 24
    /// Extra dots between lines (ESC 2 default spacing is about 30 dots per line).
    public var lineGap = 6
    /// Blank margin at top and bottom.
    public var margin = 16

    public init(widthDots: Int = 576, fontFamily: String = "Noto Sans CJK SC") {
        self.widthDots = widthDots
        self.fontFamily = fontFamily
    }

    /// Height of the rendered image in dots.
    public func height(of receipt: PrintedReceipt) -> Int {
        margin * 2 + receipt.elements.reduce(0) { $0 + height(of: $1) }
    }

    /// Renders `receipt` and writes it as PNG to `url`.
    public func writePNG(_ receipt: PrintedReceipt, to url: URL) throws(EmulatorError) {
        let width = Int32(widthDots)
        let totalHeight = Int32(max(height(of: receipt), 1))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, totalHeight),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else {
            throw .render("cairo_image_surface_create \(width)x\(totalHeight)")
        }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { throw .render("cairo_create") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)

        var y = margin
        for element in receipt.elements {
            switch element {
            case .line(let line): drawLine(line, y: y, cr: cr)
            case .qrCode(let qr): try drawQR(qr, y: y, cr: cr)
            case .image(let image): drawImage(image, y: y, cr: cr)
            }
            y += height(of: element)
        }
        if receipt.cut != nil {
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
            cairo_set_line_width(cr, 1)
            var dashes: [Double] = [6, 4]
            cairo_set_dash(cr, &dashes, 2, 0)
            cairo_move_to(cr, 0, Double(totalHeight) - 2.5)
            cairo_line_to(cr, Double(width), Double(totalHeight) - 2.5)
            cairo_stroke(cr)
        }
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, url.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .output("\(url.path): \(String(cString: cairo_status_to_string(status)))")
        }
    }

    // MARK: - Elements

    private func height(of element: PrintedReceipt.Element) -> Int {
        switch element {
        case .line(let line): cellHeight * line.heightMultiplier + lineGap
        case .qrCode(let qr):
            (QRMatrix(payload: qr.payload, errorCorrection: qr.errorCorrection)?.size ?? 0)
                * max(qr.moduleSize, 1) + lineGap
        case .image(let image): image.bitmap.height
        }
    }

    private func x(for width: Int, alignment: TextAlignment) -> Int {
        switch alignment {
        case .left: 0
        case .center: max((widthDots - width) / 2, 0)
        case .right: max(widthDots - width, 0)
        }
    }

    private func drawLine(_ line: PrintedLine, y: Int, cr: OpaquePointer) {
        guard !line.runs.isEmpty else { return }
        guard let layout = pango_cairo_create_layout(cr) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        // Measure every run at 1× and scale by its multipliers.
        var measured: [(run: PrintedRun, width: Double)] = []
        for run in line.runs {
            configure(layout, run: run)
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_pixel_size(layout, &w, &h)
            measured.append((run, Double(w) * Double(run.size.width)))
        }
        let lineHeight = cellHeight * line.heightMultiplier
        let total = measured.reduce(0) { $0 + $1.width }
        var cursor = Double(x(for: Int(total.rounded()), alignment: line.alignment))
        for (run, width) in measured {
            configure(layout, run: run)
            cairo_save(cr)
            // Bottom-align runs of different heights, as the printer does.
            let top = Double(y + lineHeight - cellHeight * run.size.height)
            cairo_translate(cr, cursor, top)
            cairo_scale(cr, Double(run.size.width), Double(run.size.height))
            pango_cairo_update_layout(cr, layout)
            pango_cairo_show_layout(cr, layout)
            cairo_restore(cr)
            cursor += width
        }
    }

    private func configure(_ layout: OpaquePointer, run: PrintedRun) {
        guard let font = pango_font_description_new() else { return }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, fontFamily)
        pango_font_description_set_absolute_size(font, Double(cellHeight - 3) * Double(PANGO_SCALE))
        pango_font_description_set_weight(font, run.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, font)
        pango_layout_set_text(layout, run.text, -1)
    }

    private func drawQR(_ qr: PrintedQRCode, y: Int, cr: OpaquePointer) throws(EmulatorError) {
        guard let matrix = QRMatrix(payload: qr.payload, errorCorrection: qr.errorCorrection) else {
            throw .render("libqrencode rejected a QR payload of \(qr.payload.utf8.count) bytes")
        }
        let module = max(qr.moduleSize, 1)
        let left = x(for: matrix.size * module, alignment: qr.alignment)
        for row in 0..<matrix.size {
            for column in 0..<matrix.size where matrix.isDark(x: column, y: row) {
                cairo_rectangle(
                    cr, Double(left + column * module), Double(y + row * module),
                    Double(module), Double(module))
            }
        }
        cairo_fill(cr)
    }

    private func drawImage(_ image: PrintedImage, y: Int, cr: OpaquePointer) {
        let left = x(for: image.bitmap.width, alignment: image.alignment)
        for row in 0..<image.bitmap.height {
            for column in 0..<image.bitmap.width where image.bitmap[column, row] {
                cairo_rectangle(cr, Double(left + column), Double(y + row), 1, 1)
            }
        }
        cairo_fill(cr)
    }
}
