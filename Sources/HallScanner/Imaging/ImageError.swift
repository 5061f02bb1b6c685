import HallCore

/// Why an image could not be encoded, decoded or assembled.
public enum ImageError: HallFailure, Equatable {
    /// The bytes are not an image of the stated kind.
    case undecodable(String)
    /// The pixel buffer does not match its stated size.
    case badPixels(String)
    /// cairo or libturbojpeg reported a failure.
    case library(String)

    public var code: String {
        switch self {
        case .undecodable: "image_undecodable"
        case .badPixels: "image_bad_pixels"
        case .library: "image_library"
        }
    }

    public var message: String {
        switch self {
        case .undecodable(let detail): "图像无法识别（\(detail)），请重新采集。"
        case .badPixels(let detail): "图像数据不完整（\(detail)），请重新采集。"
        case .library(let detail): "图像处理失败（\(detail)）。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .undecodable, .badPixels: .invalidInput
        case .library: .unavailable
        }
    }
}
