import Foundation
import HallDisplay
import HallEmulators
import HallTransport
import Testing

/// Image frames of `hall-frame-v1`: how a script the controllers have no font for reaches a window
/// screen. Bytes both ways, faults refused, and the image through a real pty to the emulated screen.
@Suite("Window screen images")
struct DisplayImageTests {
    /// A 256 × 32 test image: the top half's left quarter lit, and one pixel at the bottom right.
    static func image() throws -> DisplayBitmap {
        var packed = [UInt8](repeating: 0, count: 32 * 32)
        for y in 0..<16 { for x in 0..<8 { packed[y * 32 + x] = 0xFF } }
        packed[31 * 32 + 31] = 0x01
        return try #require(DisplayBitmap(width: 256, height: 32, packed: packed))
    }

    @Test("an image frame encodes and decodes byte for byte; a damaged one is refused")
    func frames() throws {
        let wire = HallFrameProtocol()
        let image = try Self.image()
        var bytes = try wire.encodeRequest(.showImage(image, call: true), address: 3)
        #expect(bytes.count == 8 + 4 + 1024, "frame (8) + image header (4) + rows")
        #expect(Array(bytes[5..<9]) == [0x01, 0x00, 32, 1], "width 256 big endian, height, the call flag")
        #expect(wire.decodeRequest(from: &bytes) == .command(address: 3, code: 0x20, .showImage(image, call: true)))
        #expect(image.isLit(x: 0, y: 0) && image.isLit(x: 255, y: 31) && !image.isLit(x: 254, y: 31))
        #expect(image.litCount(rows: 0..<16) == 64 * 16 && image.litCount(rows: 16..<32) == 1)

        // A payload whose rows do not match its size: refused with bad payload (NAK 0x03).
        var short = HallFrame(address: 3, command: 0x20, payload: [0, 16, 2, 0, 0xFF]).bytes
        #expect(wire.decodeRequest(from: &short) == .refused(address: 3, code: 0x20, .badPayload))
        #expect(DisplayBitmap(width: 257, height: 1, packed: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(DisplayBitmap(width: 8, height: 65, packed: [UInt8](repeating: 0, count: 65)) == nil)
    }

    @Test("text-only protocols refuse images; only hall-frame-v1 profiles with pixels take them")
    func textOnly() throws {
        let image = try Self.image()
        #expect(throws: DisplayError.self) { try ModbusStyleProtocol().encodeRequest(.showImage(image, call: true), address: 1) }
        #expect(throws: DisplayError.self) { try AsciiLineProtocol().encodeRequest(.showImage(image, call: true), address: 1) }
        #expect(DisplayProfile.generic.imagePixels == DisplayProfile.Pixels(width: 256, height: 32))
        var modbus = DisplayProfile.generic
        modbus.protocol = ModbusStyleProtocol.identifier
        #expect(modbus.imagePixels == nil)
        let f = try BusFixture(start: false)
        #expect(throws: DisplayError.self) { try f.bus.showImage(image, call: true, window: 1) }
    }

    @Test("a call drawn as an image reaches the emulated screen through a real pty; text calls still work")
    func throughThePTY() throws {
        var profile = BusFixture.fastGeneric
        profile.pixels = .init(width: 256, height: 32)
        let f = try BusFixture(profile: profile)
        let image = try Self.image()
        let service = CallDisplayService(driver: f.bus, callImage: { call, text, pixels in
            call.window == 3 && text == "请A012号到3号窗口" && pixels.width == 256 ? image : nil
        })
        try service.show(DisplayCall(window: 3, ticketNumber: "A012"))
        try service.show(DisplayCall(window: 1, ticketNumber: "B004"))
        #expect(f.settle())
        #expect(f.emulator[3]?.image == image)
        #expect(f.emulator[3]?.isShowingCall == true)
        #expect(f.screen(window: 3)?.text == "图像 256×32" && f.screen(window: 3)?.state == .responding)
        #expect(f.emulator[1]?.image == nil && f.emulator[1]?.text == "请B004号到1号窗口")
    }
}
