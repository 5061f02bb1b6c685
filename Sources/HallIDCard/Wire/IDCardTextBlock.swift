import Foundation
import HallCore

/// The 256-byte text block of a resident ID card: name 30, sex 2, nation 4, birth 16, address 70,
/// ID number 36, authority 30, valid from 16, valid until 16, reserved 36 bytes, each field UCS-2
/// little-endian padded with spaces. The reserved area carries the card type mark at offset 248.
public enum IDCardTextBlock {
    /// Bytes of the block.
    public static let length = 256
    /// Field widths in bytes, in order (the last is the reserved area).
    static let widths = [30, 2, 4, 16, 70, 36, 30, 16, 16, 36]
    /// Where the card type mark sits.
    static let typeMarkOffset = 248

    /// The block for `fields` (longer texts are cut at their field's width).
    public static func encode(_ fields: IDCardTextFields) -> [UInt8] {
        let texts = [
            fields.name, fields.sex, fields.nation, fields.birth, fields.address, fields.idNumber,
            fields.authority, fields.validFrom, fields.validUntil,
        ]
        var block: [UInt8] = []
        for (text, width) in zip(texts, widths) { block += ucs2(text, width: width) }
        block += ucs2("", width: 36)
        block.replaceSubrange(typeMarkOffset..<(typeMarkOffset + 2), with: ucs2(fields.typeMark, width: 2))
        return block
    }

    /// The raw fields of a block; nil unless it is exactly `length` bytes.
    public static func fields(of block: [UInt8]) -> IDCardTextFields? {
        guard block.count == length else { return nil }
        var texts: [String] = []
        var offset = 0
        for width in widths.dropLast() {
            texts.append(text(block[offset..<(offset + width)]))
            offset += width
        }
        return IDCardTextFields(
            name: texts[0], sex: texts[1], nation: texts[2], birth: texts[3], address: texts[4], idNumber: texts[5],
            authority: texts[6], validFrom: texts[7], validUntil: texts[8],
            typeMark: text(block[typeMarkOffset..<(typeMarkOffset + 2)]))
    }

    /// The holder a block describes, checked: a resident ID card, a known sex, real dates, and an
    /// ID number whose check digit (GB 11643) is right and that agrees with sex and birth date.
    public static func holder(of block: [UInt8]) throws(IDCardReaderError) -> IDCardHolder {
        guard let f = fields(of: block) else { throw .malformedAnswer("文字信息长度 \(block.count)") }
        let kind = IDCardKind(typeMark: f.typeMark)
        guard kind == .resident else { throw .unsupportedCard(kind) }
        do {
            let sex: Sex
            switch f.sex {
            case "1": sex = .male
            case "2": sex = .female
            default: throw IDCardError.invalidField("性别")
            }
            guard let birth = day(f.birth) else { throw IDCardError.invalidField("出生日期") }
            guard let from = day(f.validFrom) else { throw IDCardError.invalidField("有效期限") }
            let until: LocalDay?
            if f.validUntil == "长期" {
                until = nil
            } else {
                guard let end = day(f.validUntil) else { throw IDCardError.invalidField("有效期限") }
                until = end
            }
            let number: ChineseIDNumber
            do { number = try ChineseIDNumber(f.idNumber) } catch let e as IdentityError { throw IDCardError.badIDNumber(e) }
            return try IDCardHolder(
                name: f.name, sex: sex, nationCode: f.nation, birthDate: birth, address: f.address, idNumber: number,
                authority: f.authority, validFrom: from, validUntil: until)
        } catch let e as IDCardError {
            throw .unreadableCard(e)
        } catch {
            throw .unreadableCard(.invalidField("公民身份号码"))
        }
    }

    /// `text` as UCS-2 LE, padded with spaces or cut to `width` bytes.
    static func ucs2(_ text: String, width: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in text.utf16 where bytes.count + 2 <= width {
            bytes += [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)]
        }
        while bytes.count + 2 <= width { bytes += [0x20, 0x00] }
        return bytes
    }

    /// A field's text without padding (spaces and NULs).
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        return String(decoding: units, as: UTF16.self).trimmingCharacters(in: CharacterSet(charactersIn: " \u{0}"))
    }

    /// `yyyyMMdd` as a real day.
    static func day(_ text: String) -> LocalDay? {
        let c = Array(text)
        guard c.count == 8, c.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return LocalDay(String(c[0...3]) + "-" + String(c[4...5]) + "-" + String(c[6...7]))
    }
}
