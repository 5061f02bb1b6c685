import Foundation

/// A page encoded in memory, ready to be written: file bytes, hash and thumbnail.
public struct PreparedPage: Sendable {
    /// The file to store.
    public let file: Data
    /// Its MIME type.
    public let mime: String
    /// SHA-256 of `file`.
    public let sha256: String
    /// Thumbnail PNG (at most `CaptureStore.thumbnailMaxSide` pixels per side).
    public let thumbnail: Data
    /// Image width in pixels.
    public let width: Int
    /// Image height in pixels.
    public let height: Int

    /// Encodes a captured page: raw pixels as `preferredMime` (PNG through cairo or JPEG through
    /// libturbojpeg), encoded pages (MJPEG frames, PNG) as they are.
    public init(_ page: ScannedPage, preferredMime: String, thumbnailMaxSide: Int) throws(ImageError) {
        let image: CairoImage
        switch page.format {
        case .jpeg:
            file = page.bytes
            mime = "image/jpeg"
            image = try JPEGCodec.decode(page.bytes)
        case .png:
            file = page.bytes
            mime = "image/png"
            image = try CairoImage.fromPNG(page.bytes)
        case .rgb8, .gray8:
            image = try PageImage.surface(rawPage: page)
            if preferredMime == "image/jpeg" {
                file = try JPEGCodec.encode(page)
                mime = "image/jpeg"
            } else {
                file = try image.pngData()
                mime = "image/png"
            }
        }
        width = image.width
        height = image.height
        thumbnail = try PageImage.thumbnail(of: image, maxSide: thumbnailMaxSide)
        sha256 = ContentHash.sha256(file)
    }
}
