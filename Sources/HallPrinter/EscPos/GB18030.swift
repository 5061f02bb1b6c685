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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII, let ascii = character.asciiValue {
                out.append(ascii)
                continue
            }
            guard let data = String(character).data(using: encoding, allowLossyConversion: false),
                  !data.isEmpty else {
                throw .unencodable(character: String(character), in: text)
            }
            let bytes = [UInt8](data)
            guard font.covers(bytes) else {
                throw .notInPrinterFont(character: String(character), in: text)
            }
            out.append(contentsOf: bytes)
        }
        return out
    }

    /// Decodes GB18030 bytes; returns nil when they are not valid GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(data: Data(bytes), encoding: encoding)
    }

    /// Printed width of `text` in font-A columns: ASCII takes one column, every other
    /// character (Chinese, full-width punctuation) takes two.
    public static func columns(_ text: String) -> Int {
        var n = 0
        for scalar in text.unicodeScalars {
            // Combining marks and zero-width joiners do not advance.
            if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0x200D { continue }
            n += scalar.value < 0x80 ? 1 : 2
        }
        return n
    }
}
