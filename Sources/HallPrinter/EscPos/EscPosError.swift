/// Why a document could not be encoded for the printer.
public enum EscPosError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character has no GB18030 encoding.
    case unencodable(character: String, in: String)
    /// A character encodes in GB18030 but lies outside the printer's built-in font
    /// (e.g. a four-byte GB18030 sequence on a GBK-font printer).
    case notInPrinterFont(character: String, in: String)
    /// A QR payload is empty or longer than the printer's symbol storage (7089 bytes).
    case qrPayloadSize(Int)
    /// A raster image is empty or too large for GS v 0.
    case imageSize(width: Int, height: Int)

    public var description: String {
        switch self {
        case .unencodable(let c, let text):
            "字符“\(c)”无法用 GB18030 编码（文本：\(text)）"
        case .notInPrinterFont(let c, let text):
            "打印机字库中没有字符“\(c)”（文本：\(text)），请改用图像方式打印"
        case .qrPayloadSize(let n):
            "二维码内容长度 \(n) 字节超出打印机允许范围（1–7089）"
        case .imageSize(let w, let h):
            "图像尺寸 \(w)×\(h) 点不适合打印"
        }
    }
}
