import CPangoCairo
import Foundation

/// Builds one PDF from stored page images: one image per A4 page, scaled to fit inside a margin
/// and centred. JPEG pages are embedded as JPEG (cairo's mime-data path), PNG pages as images.
enum PDFAssembler {
    /// A4 in PostScript points.
    static let a4 = (width: 595.276, height: 841.89)
    /// Margin around each image, in points.
    static let margin = 28.0

    /// One input page: the stored file and its MIME type.
    struct Input {
        let data: Data
        let mime: String
    }

    /// The PDF bytes.
    static func assemble(_ pages: [Input]) throws(ImageError) -> Data {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(
            { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque(), a4.width, a4.height)
        let pdf = try CairoImage(surface: surface)
        guard let context = cairo_create(pdf.surface) else { throw .library("cairo_create") }
        for page in pages {
            let image = try PageImage.surface(file: page.data, mime: page.mime)
            if page.mime == "image/jpeg" { attachJPEG(page.data, to: image) }
            draw(image, on: context)
            cairo_show_page(context)
        }
        cairo_destroy(context)
        cairo_surface_finish(pdf.surface)
        let status = cairo_surface_status(pdf.surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .library(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    /// Draws `image` scaled to fit the printable area, centred.
    private static func draw(_ image: CairoImage, on context: OpaquePointer) {
        let areaWidth = a4.width - 2 * margin, areaHeight = a4.height - 2 * margin
        let scale = min(areaWidth / Double(image.width), areaHeight / Double(image.height))
        let drawnWidth = Double(image.width) * scale, drawnHeight = Double(image.height) * scale
        cairo_save(context)
        cairo_translate(context, (a4.width - drawnWidth) / 2, (a4.height - drawnHeight) / 2)
        cairo_scale(context, scale, scale)
        cairo_set_source_surface(context, image.surface, 0, 0)
        cairo_paint(context)
        cairo_restore(context)
    }

    /// Lets cairo-pdf embed the original JPEG stream instead of re-encoding the pixels.
    private static func attachJPEG(_ jpeg: Data, to image: CairoImage) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: jpeg.count)
        jpeg.copyBytes(to: copy, count: jpeg.count)
        let status = cairo_surface_set_mime_data(
            image.surface, CAIRO_MIME_TYPE_JPEG, copy, UInt(jpeg.count),
            { pointer in
                pointer?.assumingMemoryBound(to: UInt8.self).deallocate()
            }, copy)
        if status != CAIRO_STATUS_SUCCESS { copy.deallocate() }
    }
}
