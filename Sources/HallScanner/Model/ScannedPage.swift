import Foundation

/// How the bytes of a `ScannedPage` are laid out.
public enum PixelFormat: String, Sendable, Codable {
    /// 3 bytes per pixel, R G B, rows packed without padding.
    case rgb8
    /// 1 byte per pixel, rows packed without padding.
    case gray8
    /// An encoded JPEG file (MJPEG frames of a document camera are kept as they come).
    case jpeg
    /// An encoded PNG file.
    case png

    /// Whether the bytes are a complete encoded file rather than raw pixels.
    public var isEncoded: Bool { self == .jpeg || self == .png }
}

/// One captured page: an image in memory, as the device delivered it.
public struct ScannedPage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Layout of `bytes`.
    public var format: PixelFormat
    /// Pixels (raw formats) or an encoded file (jpeg/png).
    public var bytes: Data
    /// The resolution the device actually used, when it reports one.
    public var resolution: Int?

    /// Creates a page.
    public init(width: Int, height: Int, format: PixelFormat, bytes: Data, resolution: Int? = nil) {
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
        self.resolution = resolution
    }
}
