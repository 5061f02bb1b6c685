/// Which GB18030 characters a printer's built-in Chinese font can print.
///
/// Most Chinese-market thermal printers carry a GB2312 or GBK font; the two-byte GB18030
/// area equals GBK, the four-byte area (rare CJK, minority scripts) needs a full GB18030 font.
public enum PrinterFontCoverage: String, Sendable, Codable, CaseIterable {
    /// No Chinese font: ASCII only.
    case none
    /// GB2312: lead and trail bytes 0xA1-0xFE (about 7,000 characters).
    case gb2312
    /// GBK: every two-byte GB18030 sequence.
    case gbk
    /// The whole of GB18030, four-byte sequences included.
    case gb18030

    /// Whether the encoded bytes of one character are printable with this font.
    public func covers(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] < 0x80
        case 2:
            switch self {
            case .none: return false
            case .gb2312: return (0xA1...0xF7).contains(bytes[0]) && (0xA1...0xFE).contains(bytes[1])
            case .gbk, .gb18030: return true
            }
        default:
            return self == .gb18030
        }
    }
}
