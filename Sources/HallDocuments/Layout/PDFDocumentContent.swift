import CPangoCairo
import Foundation

/// A document that can be drawn on PDF pages by a `PDFComposer`.
///
/// Conforming types are plain input structs; `renderPDF()` and `writePDF(to:)` produce the file.
public protocol PDFDocumentContent: Sendable {
    /// The title stored in the PDF's metadata (and shown by PDF viewers).
    var documentTitle: String { get }
    /// Page size and margins; A4 unless the document says otherwise.
    var pageGeometry: PageGeometry { get }
    /// True for a form handed over as one sheet (a notice): when it spills onto a second page
    /// it is composed again with slightly smaller type and spacing (down to `PageFit.scales`'
    /// last step) before it is allowed to spill.
    var keepsToOnePage: Bool { get }
    /// Draws the document, top to bottom.
    func compose(on composer: PDFComposer) throws(DocumentError)
    /// The footer of page `page` of `total` (by default 第 n 页 共 m 页).
    func pageFooter(page: Int, of total: Int) -> String
}

/// The scales a one-sheet document is tried at, largest first: 12 pt body down to about 10 pt.
public enum PageFit {
    public static let scales: [Double] = [1, 0.95, 0.9, 0.85]
}

extension PDFDocumentContent {
    public var pageGeometry: PageGeometry { .a4 }
    public var keepsToOnePage: Bool { false }
    public func pageFooter(page: Int, of total: Int) -> String { Self.footer(page: page, of: total) }

    /// The scale the document is drawn at: 1, or for a one-sheet document the largest of
    /// `PageFit.scales` at which it fits one page (the smallest when none does).
    public func fittingScale() throws(DocumentError) -> Double {
        guard keepsToOnePage else { return 1 }
        for scale in PageFit.scales.dropLast() {
            let pages = try PDFRenderPass(document: self, keepsBytes: false, totalPages: nil, scale: scale).run().pages
            if pages <= 1 { return scale }
        }
        return PageFit.scales.last ?? 1
    }

    /// The footer printed at the bottom of every page: 第 n 页 共 m 页.
    static func footer(page: Int, of total: Int) -> String {
        "第 \(page) 页  共 \(total) 页"
    }

    /// Renders the document to PDF bytes (Cairo's PDF surface, Pango text with embedded
    /// Noto CJK subsets, so the text stays extractable).
    ///
    /// The document is composed twice: once to count pages, once to draw with 共 m 页 (a
    /// one-sheet document also once per scale tried).
    public func renderPDF() throws(DocumentError) -> Data {
        let scale = try fittingScale()
        let pages = try PDFRenderPass(document: self, keepsBytes: false, totalPages: nil, scale: scale).run().pages
        return try PDFRenderPass(document: self, keepsBytes: true, totalPages: pages, scale: scale).run().data
    }

    /// Renders the document and writes it atomically to `url`.
    public func writePDF(to url: URL) throws(DocumentError) {
        let data = try renderPDF()
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .fileWriteFailed(path: url.path, reason: "\(error.localizedDescription)")
        }
    }
}

/// One pass of drawing a document onto a cairo-pdf stream surface.
struct PDFRenderPass<Document: PDFDocumentContent> {
    let document: Document
    let keepsBytes: Bool
    let totalPages: Int?
    var scale = 1.0

    func run() throws(DocumentError) -> (data: Data, pages: Int) {
        let geometry = document.pageGeometry
        let sink = PDFByteSink(keepsBytes: keepsBytes)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard
            let surface = cairo_pdf_surface_create_for_stream(
                PDFByteSink.writeFunction, closure,
                geometry.width, geometry.height)
        else {
            throw .renderingFailed("cairo_pdf_surface_create_for_stream")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.documentTitle)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Hall 便民服务中心")
        guard let cr = cairo_create(surface) else { throw .renderingFailed("cairo_create") }
        defer { cairo_destroy(cr) }

        let total = totalPages
        let composer = PDFComposer(cr: cr, geometry: geometry, scale: scale) { page in
            document.pageFooter(page: page, of: total ?? page)
        }
        try document.compose(on: composer)
        composer.finish()
        let pages = composer.pageNumber
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .renderingFailed(String(cString: cairo_status_to_string(status)))
        }
        return withExtendedLifetime(sink) { (sink.data, pages) }
    }
}
