import Foundation

/// Per-scalar GB18030 encodings, filled on first use. Foundation's conversion costs far
/// more than a dictionary lookup, and a ticket uses the same few dozen characters.
final class GB18030Cache: @unchecked Sendable {
    static let shared = GB18030Cache()

    private let lock = NSLock()
    /// One character's GB18030 bytes packed big-endian into `bits`; `count` 0 = unencodable.
    private struct Code {
        let bits: UInt32
        let count: Int
        var bytes: [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt32(count - 1 - $0))) } }
    }

    // Guarded by `lock`.
    private var table: [UInt32: Code] = [:]

    /// Encodes `text` scalar by scalar from the table, converting unseen scalars once.
    func encode(_ text: String, font: PrinterFontCoverage) throws(EscPosError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        lock.lock()
        defer { lock.unlock() }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(UInt8(scalar.value))
                continue
            }
            let code: Code
            if let hit = table[scalar.value] {
                code = hit
            } else {
                let bytes =
                    String(Character(scalar)).data(using: GB18030.encoding, allowLossyConversion: false)
                    .map { [UInt8]($0) } ?? []
                code =
                    bytes.isEmpty || bytes.count > 4
                    ? Code(bits: 0, count: 0)
                    : Code(bits: bytes.reduce(0) { $0 << 8 | UInt32($1) }, count: bytes.count)
                table[scalar.value] = code
            }
            guard code.count > 0 else { throw .unencodable(character: String(Character(scalar)), in: text) }
            switch (font, code.count) {
            case (.gb18030, _), (.gbk, 2):
                break
            default:
                guard font.covers(code.bytes) else {
                    throw .notInPrinterFont(character: String(Character(scalar)), in: text)
                }
            }
            var shift = 8 * (code.count - 1)
            while shift >= 0 {
                out.append(UInt8(truncatingIfNeeded: code.bits >> UInt32(shift)))
                shift -= 8
            }
        }
        return out
    }
}
