import HallCore

/// Why a document could not be produced.
public enum DocumentError: HallFailure, Equatable {
    /// The input cannot make a valid document (e.g. a correction notice with nothing to correct).
    case invalidContent(String)
    /// libqrencode could not encode the QR payload (too long); the payload length in characters.
    case qrEncodingFailed(Int)
    /// Cairo reported an error while drawing or finishing the PDF.
    case renderingFailed(String)
    /// The PDF could not be written to the file at the path.
    case fileWriteFailed(path: String, reason: String)

    public var code: String {
        switch self {
        case .invalidContent: "document_invalid_content"
        case .qrEncodingFailed: "document_qr_failed"
        case .renderingFailed: "document_render_failed"
        case .fileWriteFailed: "document_write_failed"
        }
    }

    public var message: String {
        switch self {
        case .invalidContent(let what): "文书内容不完整：\(what)"
        case .qrEncodingFailed(let length): "二维码生成失败（内容 \(length) 个字符，过长），请缩短链接后重试"
        case .renderingFailed(let reason): "文书生成失败（\(reason)），请重试或联系管理员"
        case .fileWriteFailed(let path, let reason): "文书保存失败：\(path)（\(reason)）"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .invalidContent, .qrEncodingFailed: .invalidInput
        case .renderingFailed, .fileWriteFailed: .unavailable
        }
    }
}
