import CPangoCairo

/// A ``TextRasterizer`` on Pango and Cairo: HarfBuzz shapes the text (Mongolian letters take
/// their joined forms), Cairo draws it in 8-bit grey, and grey above half becomes a dot.
/// Mongolian is laid out along the line, so its columns lie on their side as on the region's
/// horizontal receipts.
public struct PangoTextRasterizer: TextRasterizer {
    /// The font family, e.g. `Noto Sans Mongolian`.
    public let family: String

    public init(family: String = "Noto Sans Mongolian") {
        self.family = family
    }

    public func bitmap(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap? {
        guard !text.isEmpty, pixelHeight > 0, maxWidth > 0 else { return nil }
        var size = Double(pixelHeight) * 0.7
        // Shrinks the font until the line fits the paper, down to half the size.
        for _ in 0..<8 {
            guard let line = PangoLine(text: text, family: family, size: size) else { return nil }
            if line.width <= maxWidth || size < Double(pixelHeight) * 0.35 { return line.render(maxWidth: maxWidth) }
            size *= 0.9
        }
        return nil
    }

    public func paragraph(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap? {
        guard !text.isEmpty, pixelHeight > 0, maxWidth > 0 else { return nil }
        return PangoLine(text: text, family: family, size: Double(pixelHeight) * 0.7, wrapWidth: maxWidth)?.render(maxWidth: maxWidth)
    }

    /// Counts the characters of `text` that `family` (or its fallbacks) has no glyph for.
    public func missingGlyphs(_ text: String, size: Double = 24) -> Int? {
        PangoLine(text: text, family: family, size: size)?.unknownGlyphs
    }
}

/// One laid-out line (or paragraph, broken at `wrapWidth`) on a scratch surface, measured, then
/// drawn on its own surface.
private struct PangoLine {
    let text: String
    let family: String
    let size: Double
    let wrapWidth: Int?
    let width: Int
    let height: Int
    let unknownGlyphs: Int

    init?(text: String, family: String, size: Double, wrapWidth: Int? = nil) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cr) }
        guard let layout = Self.layout(cr, text: text, family: family, size: size, wrapWidth: wrapWidth) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_pixel_size(layout, &w, &h)
        self.text = text
        self.family = family
        self.size = size
        self.wrapWidth = wrapWidth
        self.width = Int(w)
        self.height = Int(h)
        self.unknownGlyphs = Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    func render(maxWidth: Int) -> MonochromeBitmap? {
        let width = min(max(self.width, 1), maxWidth)
        let height = max(self.height, 1)
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height)),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cr = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cr) }
        guard let layout = Self.layout(cr, text: text, family: family, size: size, wrapWidth: wrapWidth) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_set_source_rgba(cr, 0, 0, 0, 1)
        pango_cairo_show_layout(cr, layout)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var bitmap = MonochromeBitmap(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where data[y * stride + x] >= 128 { bitmap[x, y] = true }
        }
        return bitmap
    }

    private static func layout(_ cr: OpaquePointer, text: String, family: String, size: Double, wrapWidth: Int?) -> OpaquePointer? {
        guard let layout = pango_cairo_create_layout(cr), let font = pango_font_description_new() else { return nil }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, family)
        pango_font_description_set_absolute_size(font, size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
        if let wrapWidth {
            pango_layout_set_width(layout, Int32(clamping: min(max(wrapWidth, 1), 1 << 20)) * PANGO_SCALE)
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_text(layout, text, -1)
        return layout
    }
}
