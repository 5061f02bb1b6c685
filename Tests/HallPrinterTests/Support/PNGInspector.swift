import CPangoCairo
import Foundation

/// Reads a PNG back through Cairo to check what was rendered.
struct PNGInspector {
    let width: Int
    let height: Int
    let darkPixels: Int

    init?(url: URL) {
        guard let surface = cairo_image_surface_create_from_png(url.path),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        var dark = 0
        for y in 0..<height {
            for x in 0..<width {
                // RGB24: one little-endian 32-bit word per pixel, blue in the lowest byte.
                let p = data + y * stride + x * 4
                let luminance = (Int(p[0]) + Int(p[1]) + Int(p[2])) / 3
                if luminance < 96 { dark += 1 }
            }
        }
        darkPixels = dark
    }
}
