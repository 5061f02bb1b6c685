import CPangoCairo
import Foundation

/// An owned cairo image surface (ARGB32/RGB24/A8), destroyed with the value.
final class CairoImage {
    let surface: OpaquePointer

    /// Takes ownership of `surface`; fails when cairo reports an error for it.
    init(surface: OpaquePointer?) throws(ImageError) {
        guard let surface else { throw .library("no surface") }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .library(String(cString: cairo_status_to_string(status)))
        }
        self.surface = surface
    }

    deinit { cairo_surface_destroy(surface) }

    var width: Int { Int(cairo_image_surface_get_width(surface)) }
    var height: Int { Int(cairo_image_surface_get_height(surface)) }

    /// A new blank surface.
    convenience init(format: cairo_format_t, width: Int, height: Int) throws(ImageError) {
        try self.init(surface: cairo_image_surface_create(format, Int32(width), Int32(height)))
    }

    /// Writes the pixels of the surface with `fill(row, pointer)` per row, then marks it dirty.
    func withRows(_ fill: (Int, UnsafeMutablePointer<UInt8>) -> Void) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height { fill(row, data + row * stride) }
        cairo_surface_mark_dirty(surface)
    }

    /// The surface encoded as PNG.
    func pngData() throws(ImageError) -> Data {
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(
            surface,
            { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw .library(String(cString: cairo_status_to_string(status))) }
        return sink.data
    }

    /// Decodes PNG bytes.
    static func fromPNG(_ data: Data) throws(ImageError) -> CairoImage {
        let source = ByteSource(data)
        let surface = cairo_image_surface_create_from_png_stream(
            { closure, buffer, length in
                guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
                return Unmanaged<ByteSource>.fromOpaque(closure).takeUnretainedValue().read(into: buffer, count: Int(length))
                    ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
            }, Unmanaged.passUnretained(source).toOpaque())
        do {
            return try CairoImage(surface: surface)
        } catch {
            throw .undecodable("PNG")
        }
    }
}

/// Collects bytes written by a C callback.
final class ByteSink {
    var data = Data()
}

/// Serves bytes to a C read callback.
final class ByteSource {
    private let data: Data
    private var offset = 0

    init(_ data: Data) { self.data = data }

    /// Copies exactly `count` bytes; false at the end of the data.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard offset + count <= data.count else { return false }
        let start = data.startIndex + offset
        data.copyBytes(to: buffer, from: start..<(start + count))
        offset += count
        return true
    }
}
