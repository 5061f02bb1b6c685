import Testing

@testable import HallDisplay

@Suite("hall-frame-v1 codec")
struct HallFrameProtocolTests {
    let wire = HallFrameProtocol()

    @Test func crcCheckValue() {
        #expect(CRC16Modbus.checksum(Array("123456789".utf8)) == 0x4B37)
    }

    /// Expected bytes computed independently (Python: str.encode("gb18030") and a bitwise CRC-16/MODBUS).
    @Test func showCallIsByteExact() throws {
        let bytes = try wire.encodeRequest(.showCall("请A012号到3号窗口"), address: 3)
        #expect(
            bytes == [
                0x02, 0x03, 0x10, 0x00, 0x11,
                0xC7, 0xEB, 0x41, 0x30, 0x31, 0x32, 0xBA, 0xC5, 0xB5, 0xBD, 0x33, 0xBA, 0xC5,
                0xB4, 0xB0, 0xBF, 0xDA,
                0xB8, 0xBE, 0x03,
            ])
    }

    @Test func ackIsByteExactAndDecodes() {
        let request = DecodedRequest.command(address: 3, code: 0x10, .showCall("x"))
        let ack = wire.encodeReply(.ack(address: 3, command: 0x10), to: request)
        #expect(ack == [0x02, 0x03, 0x06, 0x00, 0x01, 0x10, 0x60, 0xD4, 0x03])
        var buffer = ack
        #expect(wire.decodeReply(from: &buffer) == .ack(address: 3, command: 0x10))
        #expect(buffer.isEmpty)
    }

    @Test func nakCarriesReason() {
        var buffer = wire.encodeReply(
            .nak(address: 9, command: 0x12, reason: .badPayload),
            to: .refused(address: 9, code: 0x12, .badPayload))
        #expect(wire.decodeReply(from: &buffer) == .nak(address: 9, command: 0x12, reason: .badPayload))
    }

    @Test func everyCommandRoundTripsThroughAStreamInPieces() throws {
        let commands: [ScreenCommand] = [
            .showCall("请B003号到12号窗口"), .showIdleText("3号窗口 欢迎办理"),
            .brightness(0), .brightness(15), .clear, .ping,
        ]
        var stream: [UInt8] = [0xFF, 0x03, 0x00]  // line noise before the first frame
        for (i, c) in commands.enumerated() { stream += try wire.encodeRequest(c, address: UInt8(i + 1)) }
        var buffer: [UInt8] = []
        var decoded: [DecodedRequest] = []
        for chunk in stride(from: 0, to: stream.count, by: 5).map({ Array(stream[$0..<min($0 + 5, stream.count)]) }) {
            buffer += chunk
            while let r = wire.decodeRequest(from: &buffer) { decoded.append(r) }
        }
        #expect(
            decoded
                == commands.enumerated().map { i, c in
                    .command(address: UInt8(i + 1), code: wire.code(of: c), c)
                })
    }

    @Test func payloadBytesEqualToStxAndEtxDoNotBreakFraming() {
        let frame = HallFrame(address: 7, command: 0x7E, payload: [0x02, 0x03, 0x02, 0x00, 0x03])
        var buffer = frame.bytes + HallFrame(address: 8, command: 0x14).bytes
        #expect(HallFrame.parse(from: &buffer) == .frame(frame))
        #expect(HallFrame.parse(from: &buffer) == .frame(HallFrame(address: 8, command: 0x14)))
    }

    @Test func damagedPayloadIsABadChecksum() throws {
        var bytes = try wire.encodeRequest(.showCall("请A012号到3号窗口"), address: 3)
        bytes[8] ^= 0x01
        var buffer = bytes
        #expect(wire.decodeRequest(from: &buffer) == .refused(address: 3, code: 0x10, .badChecksum))
        #expect(buffer.isEmpty)
    }

    @Test func lostSyncRecoversAtTheNextFrame() throws {
        let good = try wire.encodeRequest(.clear, address: 2)
        // A truncated frame (no ETX where its length says) followed by a good one.
        var buffer = Array(try wire.encodeRequest(.showCall("请A001号"), address: 1).prefix(9)) + good
        #expect(wire.decodeRequest(from: &buffer) == .command(address: 2, code: 0x13, .clear))
    }

    @Test func outOfRangeValuesAreRefused() throws {
        #expect(throws: DisplayError.self) { try wire.encodeRequest(.brightness(16), address: 1) }
        #expect(throws: DisplayError.self) { try wire.encodeRequest(.clear, address: 0) }
        let small = HallFrameProtocol(maxTextBytes: 8)
        #expect(throws: DisplayError.textTooLong(13, limit: 8)) {
            try small.encodeRequest(.showCall("请A012号到3号"), address: 1)
        }
        var buffer = HallFrame(address: 4, command: 0x12, payload: [16]).bytes
        #expect(wire.decodeRequest(from: &buffer) == .refused(address: 4, code: 0x12, .badPayload))
        buffer = HallFrame(address: 4, command: 0x55).bytes
        #expect(wire.decodeRequest(from: &buffer) == .refused(address: 4, code: 0x55, .unknownCommand))
    }

    @Test func gb2312ScreensGetQuestionMarksForCharactersOutsideTheirFont() {
        // 㐀 (U+3400) is in GB18030 (four bytes) but not in GB 2312.
        #expect(DisplayTextEncoding.gb2312.encode("请㐀") == [0xC7, 0xEB, 0x3F])
        #expect(DisplayTextEncoding.gb18030.encode("请㐀").count == 6)
        #expect(DisplayTextEncoding.gb18030.encode("a\r\nb") == [0x61, 0x62])
    }
}
