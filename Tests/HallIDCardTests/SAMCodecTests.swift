import HallCore
import HallEmulators
import HallIDCard
import Testing

/// The SAM frame codec byte for byte, against frames published for GA 467 readers.
@Suite("SAM protocol codec")
struct SAMCodecTests {
    static let preamble: [UInt8] = [0xAA, 0xAA, 0xAA, 0x96, 0x69]

    @Test("requests: find 20 01, select 20 02, read 30 01, status 11 FF")
    func requests() {
        #expect(SAMCommand.findCard.frame.bytes == Self.preamble + [0x00, 0x03, 0x20, 0x01, 0x22])
        #expect(SAMCommand.selectCard.frame.bytes == Self.preamble + [0x00, 0x03, 0x20, 0x02, 0x21])
        #expect(SAMCommand.readText.frame.bytes == Self.preamble + [0x00, 0x03, 0x30, 0x01, 0x32])
        #expect(SAMCommand.status.frame.bytes == Self.preamble + [0x00, 0x03, 0x11, 0xFF, 0xED])
    }

    @Test("answers: card found (9F) and selected (90) decode to status and data")
    func answers() throws {
        var found = Self.preamble + [0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97]
        let f = try #require(SAMFrameDecoder.next(from: &found))
        guard case .frame(let frame) = f else { Issue.record("\(f)"); return }
        let reply = try #require(SAMReply(frame: frame))
        #expect(reply.status == .cardFound && reply.data == [0, 0, 0, 0] && found.isEmpty)
        #expect(reply.frame.bytes == Self.preamble + [0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97])

        var selected = Self.preamble + [0x00, 0x0C, 0x00, 0x00, 0x90] + [UInt8](repeating: 0, count: 8) + [0x9C]
        #expect(SAMFrameDecoder.next(from: &selected).flatMap(Self.reply)?.status == .success)
        #expect(SAMReply(status: .noCard).frame.bytes == Self.preamble + [0x00, 0x04, 0x00, 0x00, 0x80, 0x84])
        #expect(SAMReply(status: .readFailed).frame.bytes == Self.preamble + [0x00, 0x04, 0x00, 0x00, 0x41, 0x45])
    }

    @Test("the text-and-photo answer is 1295 bytes with length 0x0508; only the text is taken")
    func readAnswer() throws {
        let card = IDCardFixture.demo[0]
        let reply = SAMReply(status: .success, data: SAMReadPayload.encode(text: IDCardTextBlock.encode(card)))
        let bytes = reply.frame.bytes
        #expect(bytes.count == 1295)
        #expect(Array(bytes[5...11]) == [0x05, 0x08, 0x00, 0x00, 0x90, 0x01, 0x00])
        #expect(Array(bytes[12...13]) == [0x04, 0x00], "photo length 1024")
        var buffer = bytes
        let decoded = try #require(SAMFrameDecoder.next(from: &buffer).flatMap(Self.reply))
        #expect(try SAMReadPayload.textBlock(of: decoded.data) == IDCardTextBlock.encode(card))
        #expect(throws: IDCardReaderError.self) { try SAMReadPayload.textBlock(of: Array(decoded.data.prefix(200))) }
    }

    @Test("text block: fixed-width UCS-2LE fields at their offsets, padded with spaces")
    func textBlockLayout() throws {
        let block = IDCardTextBlock.encode(IDCardFixture.demo[0])
        #expect(block.count == 256)
        // 韩 U+97E9, 梅 U+6885, then spaces up to 30 bytes.
        #expect(Array(block[0..<8]) == [0xE9, 0x97, 0x85, 0x68, 0x85, 0x68, 0x20, 0x00])
        #expect(Array(block[30..<36]) == [0x32, 0x00, 0x30, 0x00, 0x31, 0x00], "sex 2, nation 01")
        #expect(Array(block[36..<52]) == Array("19900517".utf16).flatMap { [UInt8($0), 0] })
        #expect(Array(block[122..<158]) == Array("150626199005170026".utf16).flatMap { [UInt8($0), 0] })
        #expect(Array(block[188..<204]) == Array("20200601".utf16).flatMap { [UInt8($0), 0] })
        #expect(Array(block[204..<220]) == Array("20400601".utf16).flatMap { [UInt8($0), 0] })
        #expect(Array(block[248..<250]) == [0x20, 0x00], "no type mark: a resident ID card")
        #expect(IDCardTextBlock.fields(of: block) == IDCardFixture.demo[0])
    }

    @Test("holder: checked fields; masked when printed; 长期 validity")
    func holder() throws {
        let h = try IDCardTextBlock.holder(of: IDCardTextBlock.encode(IDCardFixture.demo[2]))
        #expect(h.name == "王建国" && h.sex == .male && h.nation == "汉")
        #expect(h.birthDate == LocalDay(year: 1948, month: 3, day: 8))
        #expect(h.idNumber.value == "150626194803080014")
        #expect(h.validUntil == nil && !h.isExpired(on: LocalDay(year: 2090, month: 1, day: 1)))
        #expect(h.age(on: LocalDay(year: 2026, month: 12, day: 6)) == 78)
        #expect(!"\(h)".contains("王建国") && !"\(h)".contains("150626194803080014"))
    }

    @Test("a wrong check digit, a sex that disagrees, a foreigner's card are refused clearly")
    func refusals() {
        var bad = IDCardFixture.demo[0]
        bad.idNumber = "150626199005170027"
        #expect(throws: IDCardReaderError.unreadableCard(.badIDNumber(.idBadChecksum))) {
            try IDCardTextBlock.holder(of: IDCardTextBlock.encode(bad))
        }
        var sex = IDCardFixture.demo[0]
        sex.sex = "1"
        #expect(throws: IDCardReaderError.unreadableCard(.inconsistent("性别与公民身份号码不符"))) {
            try IDCardTextBlock.holder(of: IDCardTextBlock.encode(sex))
        }
        var foreign = IDCardFixture.demo[0]
        foreign.typeMark = "I"
        #expect(Array(IDCardTextBlock.encode(foreign)[248..<250]) == [0x49, 0x00], "the type mark at offset 248")
        #expect(throws: IDCardReaderError.unsupportedCard(.foreignPermanentResident)) {
            try IDCardTextBlock.holder(of: IDCardTextBlock.encode(foreign))
        }
        #expect(IDCardReaderError.unsupportedCard(.foreignPermanentResident).message.contains("外国人永久居留身份证"))
        #expect(IDCardReaderError.noCard.message.contains("未检测到身份证"))
    }

    @Test("decoder: noise dropped, split input, bad checksum and impossible length resynchronise")
    func decoder() throws {
        let find = SAMReply(status: .cardFound, data: [0, 0, 0, 0]).frame.bytes
        var buffer: [UInt8] = [0x00, 0xAA, 0x13]
        for byte in find.dropLast() {
            buffer.append(byte)
            #expect(SAMFrameDecoder.next(from: &buffer) == nil)
        }
        buffer.append(find.last ?? 0)
        #expect(SAMFrameDecoder.next(from: &buffer).flatMap(Self.reply)?.status == .cardFound)

        var damaged = find
        damaged[damaged.count - 1] ^= 0x01
        var stream = damaged + find
        #expect(SAMFrameDecoder.next(from: &stream) == .badChecksum)
        #expect(SAMFrameDecoder.next(from: &stream).flatMap(Self.reply)?.status == .cardFound)

        var impossible = Self.preamble + [0xFF, 0xFF] + find
        #expect(SAMFrameDecoder.next(from: &impossible) == .badLength(0xFFFF))
        #expect(SAMFrameDecoder.next(from: &impossible).flatMap(Self.reply)?.status == .cardFound)
    }

    static func reply(_ decoded: SAMDecoded) -> SAMReply? {
        guard case .frame(let frame) = decoded else { return nil }
        return SAMReply(frame: frame)
    }
}
