import CPangoCairo
import CTurboJPEG
import Foundation

/// JPEG decoding and encoding through libturbojpeg (cairo has no JPEG codec).
enum JPEGCodec {
    /// The size of a JPEG image without decoding it.
    static func size(of jpeg: Data) throws(ImageError) -> (width: Int, height: Int) {
        guard let handle = tjInitDecompress() else { throw .library("tjInitDecompress") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let status = jpeg.withUnsafeBytes { bytes in
            tjDecompressHeader3(
                handle, bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count),
                &width, &height, &subsampling, &colorspace)
        }
        guard status == 0, width > 0, height > 0 else { throw .undecodable("JPEG") }
        return (Int(width), Int(height))
    }

    /// Decodes a JPEG into a cairo RGB24 surface (BGRX in memory on little-endian machines).
    static func decode(_ jpeg: Data) throws(ImageError) -> CairoImage {
        let (width, height) = try size(of: jpeg)
        guard let handle = tjInitDecompress() else { throw .library("tjInitDecompress") }
        defer { tjDestroy(handle) }
        let image = try CairoImage(format: CAIRO_FORMAT_RGB24, width: width, height: height)
        cairo_surface_flush(image.surface)
        let stride = cairo_image_surface_get_stride(image.surface)
        let pixelFormat = Int32(1).littleEndian == 1 ? TJPF_BGRX : TJPF_XRGB
        let status = jpeg.withUnsafeBytes { bytes in
            tjDecompress2(
                handle, bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count),
                cairo_image_surface_get_data(image.surface), Int32(width), stride, Int32(height),
                Int32(pixelFormat.rawValue), 0)
        }
        guard status == 0 else { throw .undecodable("JPEG: \(String(cString: tjGetErrorStr2(handle)))") }
        cairo_surface_mark_dirty(image.surface)
        return image
    }

    /// Decodes the whole image, failing at the first libjpeg warning (damaged or truncated data,
    /// which libjpeg would otherwise paint grey); returns its size.
    static func validate(_ jpeg: Data) throws(ImageError) -> (width: Int, height: Int) {
        _ = try decodedPixels(jpeg, format: TJPF_GRAY, flags: TJFLAG_STOPONWARNING)
        return try size(of: jpeg)
    }

    /// Decodes to 8-bit grey pixels (a grey capture from a colour MJPEG camera).
    static func grayPage(_ jpeg: Data) throws(ImageError) -> ScannedPage {
        let (width, height) = try size(of: jpeg)
        let pixels = try decodedPixels(jpeg, format: TJPF_GRAY, flags: 0)
        return ScannedPage(width: width, height: height, format: .gray8, bytes: pixels)
    }

    /// The decoded pixels, packed rows of `format`.
    private static func decodedPixels(_ jpeg: Data, format: TJPF, flags: Int32) throws(ImageError) -> Data {
        let (width, height) = try size(of: jpeg)
        guard let handle = tjInitDecompress() else { throw .library("tjInitDecompress") }
        defer { tjDestroy(handle) }
        let channels = format == TJPF_GRAY ? 1 : 3
        var pixels = Data(count: width * height * channels)
        let status = pixels.withUnsafeMutableBytes { target in
            jpeg.withUnsafeBytes { source in
                tjDecompress2(
                    handle, source.bindMemory(to: UInt8.self).baseAddress, UInt(source.count),
                    target.bindMemory(to: UInt8.self).baseAddress, Int32(width), 0, Int32(height),
                    Int32(format.rawValue), flags)
            }
        }
        guard status == 0 else { throw .undecodable("JPEG: \(String(cString: tjGetErrorStr2(handle)))") }
        return pixels
    }

    /// Encodes raw pixels (rgb8 or gray8) as a baseline JPEG.
    static func encode(_ page: ScannedPage, quality: Int = 90) throws(ImageError) -> Data {
        let channels: Int
        let format: TJPF
        let subsampling: TJSAMP
        switch page.format {
        case .rgb8: (channels, format, subsampling) = (3, TJPF_RGB, TJSAMP_420)
        case .gray8: (channels, format, subsampling) = (1, TJPF_GRAY, TJSAMP_GRAY)
        default: throw .badPixels("JPEG encoder takes raw pixels")
        }
        guard page.bytes.count == page.width * page.height * channels else {
            throw .badPixels("\(page.bytes.count) bytes for \(page.width)x\(page.height)")
        }
        guard let handle = tjInitCompress() else { throw .library("tjInitCompress") }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>?
        var length: UInt = 0
        let status = page.bytes.withUnsafeBytes { bytes in
            tjCompress2(
                handle, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(page.width), 0,
                Int32(page.height), Int32(format.rawValue), &output, &length,
                Int32(subsampling.rawValue), Int32(quality), 0)
        }
        defer { tjFree(output) }
        guard status == 0, let output else { throw .library("tjCompress2: \(String(cString: tjGetErrorStr2(handle)))") }
        return Data(bytes: output, count: Int(length))
    }
}
