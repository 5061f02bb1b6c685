import Foundation

/// GB18030 text handling for Chinese-capable ESC/POS printers.
///
/// Foundation exposes GB18030 as CoreFoundation's `GB_18030_2000` encoding; it is the only
/// Chinese encoding available through Foundation on Linux (GBK and GB2312 are not).
public enum GB18030 {
    /// Foundation's GB18030 string encoding.
    public static let encoding = String.Encoding(rawValue: 0x8000_0632)

    /// Encodes `text` in GB18030, checking each character against the printer font.
    ///
    /// ASCII text takes a fast path. Throws ``EscPosError/unencodable(character:in:)`` for a
    /// character Foundation cannot encode and ``EscPosError/notInPrinterFont(character:in:)``
    /// for one outside `font`.
    public static func encode(_ text: String, font: PrinterFontCoverage = .gb18030) throws(EscPosError) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        return try GB18030Cache.shared.encode(text, font: font)
    }

    /// Decodes GB18030 bytes; returns nil when they are not valid GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(data: Data(bytes), encoding: encoding)
    }

    /// Printed width of `text` in font-A columns: ASCII takes one column, every other
    /// character (Chinese, full-width punctuation) takes two; combining marks, variation
    /// selectors and zero-width characters take none.
    public static func columns(_ text: String) -> Int {
        var n = 0
        for scalar in text.unicodeScalars { n += columns(scalar) }
        return n
    }

    /// Printed width of one character in font-A columns.
    public static func columns(_ character: Character) -> Int {
        var n = 0
        for scalar in character.unicodeScalars { n += columns(scalar) }
        return n
    }

    @inline(__always)
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x80 { return 1 }
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) {
            return 0
        }
        return 2
    }
}
