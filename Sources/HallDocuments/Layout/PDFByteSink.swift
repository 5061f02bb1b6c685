import CPangoCairo
import Foundation

/// Collects the bytes cairo-pdf writes through `cairo_pdf_surface_create_for_stream`.
///
/// A page-counting pass uses a sink that drops the bytes (`keepsBytes == false`).
final class PDFByteSink {
    private(set) var data = Data()
    let keepsBytes: Bool

    init(keepsBytes: Bool) {
        self.keepsBytes = keepsBytes
    }

    func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if keepsBytes { data.append(bytes, count: count) }
    }

    /// The C callback cairo calls; `closure` is an unretained pointer to the sink.
    static let writeFunction: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<PDFByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
