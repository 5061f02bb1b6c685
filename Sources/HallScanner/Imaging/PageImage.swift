import CPangoCairo
import Foundation

/// Conversions between captured pages, stored files and cairo surfaces.
enum PageImage {
    /// A raw page (rgb8/gray8) as a cairo surface: RGB24 for colour, A8 for grey (written as a
    /// greyscale PNG by cairo).
    static func surface(rawPage page: ScannedPage) throws(ImageError) -> CairoImage {
        let channels: Int
        switch page.format {
        case .rgb8: channels = 3
        case .gray8: channels = 1
        default: throw .badPixels("not raw pixels")
        }
        guard page.width > 0, page.height > 0, page.bytes.count == page.width * page.height * channels else {
            throw .badPixels("\(page.bytes.count) bytes for \(page.width)x\(page.height)")
        }
        let image = try CairoImage(
            format: channels == 3 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_A8,
            width: page.width, height: page.height)
        page.bytes.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt8.self)
            image.withRows { row, destination in
                let base = row * page.width * channels
                if channels == 1 {
                    for x in 0..<page.width { destination[x] = source[base + x] }
                } else {
                    destination.withMemoryRebound(to: UInt32.self, capacity: page.width) { pixels in
                        for x in 0..<page.width {
                            let offset = base + x * 3
                            pixels[x] = UInt32(source[offset]) << 16 | UInt32(source[offset + 1]) << 8 | UInt32(source[offset + 2])
                        }
                    }
                }
            }
        }
        return image
    }

    /// A stored file (PNG or JPEG) as a surface for drawing.
    static func surface(file data: Data, mime: String) throws(ImageError) -> CairoImage {
        switch mime {
        case "image/png": try CairoImage.fromPNG(data)
        case "image/jpeg": try JPEGCodec.decode(data)
        default: throw .undecodable(mime)
        }
    }

    /// A thumbnail of `image` no larger than `maxSide` pixels on either side, as PNG.
    static func thumbnail(of image: CairoImage, maxSide: Int) throws(ImageError) -> Data {
        let scale = min(1.0, Double(maxSide) / Double(max(image.width, image.height)))
        let width = max(1, min(maxSide, Int((Double(image.width) * scale).rounded())))
        let height = max(1, min(maxSide, Int((Double(image.height) * scale).rounded())))
        let thumb = try CairoImage(format: CAIRO_FORMAT_RGB24, width: width, height: height)
        guard let context = cairo_create(thumb.surface) else { throw .library("cairo_create") }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, Double(width) / Double(image.width), Double(height) / Double(image.height))
        if cairo_image_surface_get_format(image.surface) == CAIRO_FORMAT_A8 {
            // Grey pages are stored as A8: paint black through the inverted coverage.
            try paintGray(image, on: context)
        } else {
            cairo_set_source_surface(context, image.surface, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
            cairo_paint(context)
        }
        return try thumb.pngData()
    }

    /// Draws an A8 grey image (value = lightness) as RGB on `context`.
    private static func paintGray(_ image: CairoImage, on context: OpaquePointer) throws(ImageError) {
        let rgb = try CairoImage(format: CAIRO_FORMAT_RGB24, width: image.width, height: image.height)
        cairo_surface_flush(image.surface)
        guard let source = cairo_image_surface_get_data(image.surface) else { throw .library("A8 data") }
        let stride = Int(cairo_image_surface_get_stride(image.surface))
        rgb.withRows { row, destination in
            destination.withMemoryRebound(to: UInt32.self, capacity: image.width) { pixels in
                for x in 0..<image.width {
                    let value = UInt32(source[row * stride + x])
                    pixels[x] = value << 16 | value << 8 | value
                }
            }
        }
        cairo_set_source_surface(context, rgb.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_paint(context)
    }
}
