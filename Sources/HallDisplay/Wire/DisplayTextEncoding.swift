import Foundation

/// The character set a screen's font ROM understands.
public enum DisplayTextEncoding: String, Codable, Sendable {
    /// GB 18030 (a superset of GBK and GB 2312).
    case gb18030
    /// Only the GB 2312 repertoire (ASCII plus two-byte codes A1A1–F7FE); anything else becomes `?`.
    case gb2312

    /// Foundation's GB 18030 converter (CoreFoundation's kCFStringEncodingGB_18030_2000).
    static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Encodes `text` for the screen. Control characters are dropped; characters the screen's
    /// repertoire lacks become `?`.
    public func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for character in text {
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
            let bytes = Self.gb18030Bytes(String(character))
            switch self {
            case .gb18030:
                out += bytes ?? [0x3F]
            case .gb2312:
                if let b = bytes, Self.isGB2312(b) { out += b } else { out.append(0x3F) }
            }
        }
        return out
    }

    /// Decodes bytes the screen received (GB 2312 is a subset, so one decoder serves both).
    public func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: Self.foundationGB18030)
    }

    private static func gb18030Bytes(_ s: String) -> [UInt8]? {
        s.data(using: foundationGB18030).map { [UInt8]($0) }
    }

    private static func isGB2312(_ b: [UInt8]) -> Bool {
        if b.count == 1 { return b[0] < 0x80 }
        return b.count == 2 && (0xA1...0xF7).contains(b[0]) && (0xA1...0xFE).contains(b[1])
    }
}
