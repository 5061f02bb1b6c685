import Testing

@testable import HallDisplay

@Suite("vendor-style protocols")
struct VendorProtocolTests {
    @Test func modbusBrightnessIsByteExact() throws {
        let wire = ModbusStyleProtocol()
        #expect(
            try wire.encodeRequest(.brightness(7), address: 1)
                == [0x01, 0x10, 0x03, 0x00, 0x00, 0x01, 0x02, 0x00, 0x07, 0xD4, 0x92])
    }

    @Test func modbusRoundTripsAndEchoesRegisterAndQuantity() throws {
        let wire = ModbusStyleProtocol()
        for command: ScreenCommand in [.showCall("请A012号到3号窗口"), .showIdleText("暂停服务"), .brightness(3), .clear, .ping] {
            var buffer = try wire.encodeRequest(command, address: 5)
            let request = try #require(wire.decodeRequest(from: &buffer))
            #expect(request == .command(address: 5, code: wire.code(of: command), command))
            var reply = wire.encodeReply(.ack(address: 5, command: wire.code(of: command)), to: request)
            #expect(wire.decodeReply(from: &reply) == .ack(address: 5, command: wire.code(of: command)))
        }
        // Text of 17 bytes is padded to 9 registers; the echo says 9.
        var buffer = try wire.encodeRequest(.showCall("请A012号到3号窗口"), address: 5)
        let request = try #require(wire.decodeRequest(from: &buffer))
        let echo = wire.encodeReply(.ack(address: 5, command: 0x01), to: request)
        #expect(Array(echo.prefix(6)) == [0x05, 0x10, 0x01, 0x00, 0x00, 0x09])
    }

    @Test func modbusIsSilentOnBadCrcAndSendsExceptionsOtherwise() throws {
        let wire = ModbusStyleProtocol()
        var bytes = try wire.encodeRequest(.brightness(7), address: 1)
        bytes[8] = 0x08
        var buffer = bytes
        let request = try #require(wire.decodeRequest(from: &buffer))
        #expect(request == .refused(address: 1, code: 0x03, .badChecksum))
        #expect(wire.encodeReply(.nak(address: 1, command: 0x03, reason: .badChecksum), to: request).isEmpty)
        var exception = wire.encodeReply(
            .nak(address: 1, command: 0x03, reason: .badPayload),
            to: .refused(address: 1, code: 0x03, .badPayload))
        #expect(exception.count == 5 && exception[1] == 0x90 && exception[2] == 0x03)
        #expect(wire.decodeReply(from: &exception) == .nak(address: 1, command: 0xFF, reason: .badPayload))
    }

    @Test func asciiLineIsByteExact() throws {
        let wire = AsciiLineProtocol()
        let bytes = try wire.encodeRequest(.showCall("请A012号"), address: 3)
        #expect(bytes == Array("#03|C|".utf8) + [0xC7, 0xEB, 0x41, 0x30, 0x31, 0x32, 0xBA, 0xC5, 0x0D, 0x0A])
        #expect(try wire.encodeRequest(.brightness(7), address: 12) == Array("#12|B|07\r\n".utf8))
        #expect(try wire.encodeRequest(.clear, address: 120) == Array("#120|X|\r\n".utf8))
    }

    @Test func asciiLineKeepsABarInsideAGB18030Character() throws {
        let wire = AsciiLineProtocol()
        // 亅 is 81 7C in GB18030: its trail byte is "|".
        var buffer = try wire.encodeRequest(.showIdleText("亅口"), address: 4)
        #expect(buffer.contains(0x7C))
        #expect(wire.decodeRequest(from: &buffer) == .command(address: 4, code: UInt8(ascii: "T"), .showIdleText("亅口")))
        var reply = wire.encodeReply(
            .nak(address: 4, command: UInt8(ascii: "B"), reason: .badPayload),
            to: .refused(address: 4, code: UInt8(ascii: "B"), .badPayload))
        #expect(reply == Array("!04|ER|03|B\r\n".utf8))
        #expect(wire.decodeReply(from: &reply) == .nak(address: 4, command: UInt8(ascii: "B"), reason: .badPayload))
    }
}
