import HallPrinter
import Testing

/// Byte-exact checks against the command formats in Epson's ESC/POS reference.
@Suite struct EscPosEncoderTests {
    private func bytes(_ build: (inout EscPosEncoder) throws -> Void) rethrows -> [UInt8] {
        var e = EscPosEncoder()
        try build(&e)
        return e.bytes
    }

    @Test func initializeIsEscAt() {
        #expect(bytes { $0.initialize() } == [0x1B, 0x40])
    }

    @Test func alignmentIsEscA() {
        #expect(bytes { $0.align(.left) } == [0x1B, 0x61, 0])
        #expect(bytes { $0.align(.center) } == [0x1B, 0x61, 1])
        #expect(bytes { $0.align(.right) } == [0x1B, 0x61, 2])
    }

    @Test func boldIsEscE() {
        #expect(bytes { $0.bold(true) } == [0x1B, 0x45, 1])
        #expect(bytes { $0.bold(false) } == [0x1B, 0x45, 0])
    }

    @Test func sizeIsGsExclamationWithWidthInHighNibble() {
        #expect(bytes { $0.size(.normal) } == [0x1D, 0x21, 0x00])
        #expect(bytes { $0.size(.double) } == [0x1D, 0x21, 0x11])
        #expect(bytes { $0.size(CharacterSize(width: 4, height: 3)) } == [0x1D, 0x21, 0x32])
        #expect(bytes { $0.size(CharacterSize(width: 8, height: 8)) } == [0x1D, 0x21, 0x77])
        #expect(CharacterSize(width: 12, height: 0) == CharacterSize(width: 8, height: 1))
        #expect(CharacterSize(gsParameter: 0x32) == CharacterSize(width: 4, height: 3))
    }

    @Test func chineseModeIsFsAmpersandAndFsDot() {
        #expect(bytes { $0.chinese(true) } == [0x1C, 0x26])
        #expect(bytes { $0.chinese(false) } == [0x1C, 0x2E])
    }

    @Test func chineseTextIsGB18030AfterFsAmpersand() throws {
        // 请A001 in GB18030 is C7 EB 41 30 30 31 (also what iconv gives).
        #expect(try bytes { try $0.text("请A001") } == [0x1C, 0x26, 0xC7, 0xEB, 0x41, 0x30, 0x30, 0x31])
        // Chinese mode is switched on once only.
        #expect(
            try bytes {
                try $0.text("号"); try $0.text("码")
            } == [0x1C, 0x26, 0xBA, 0xC5, 0xC2, 0xEB])
        // ASCII text needs no Chinese mode.
        #expect(try bytes { try $0.line("A001") } == [0x41, 0x30, 0x30, 0x31, 0x0A])
    }

    @Test func charactersOutsideThePrinterFontAreReported() {
        // U+20000 is a four-byte GB18030 sequence: not in a GBK font.
        var gbk = EscPosEncoder(font: .gbk)
        #expect(throws: EscPosError.notInPrinterFont(character: "𠀀", in: "张𠀀")) { try gbk.text("张𠀀") }
        var full = EscPosEncoder(font: .gb18030)
        #expect(throws: Never.self) { try full.text("张𠀀") }
        #expect(full.bytes.count == 2 + 2 + 4)
        // 碁 is B3 9E in GBK: trail byte below 0xA1, so not in GB2312.
        var gb2312 = EscPosEncoder(font: .gb2312)
        #expect(throws: EscPosError.self) { try gb2312.text("碁") }
        var ascii = EscPosEncoder(font: .none)
        #expect(throws: EscPosError.notInPrinterFont(character: "号", in: "号")) { try ascii.text("号") }
        #expect(EscPosError.notInPrinterFont(character: "𠀀", in: "x").description.contains("字库"))
    }

    @Test func feedsAreLfAndEscD() {
        #expect(bytes { $0.lineFeed() } == [0x0A])
        #expect(bytes { $0.feed(lines: 5) } == [0x1B, 0x64, 5])
        #expect(bytes { $0.feed(lines: 999) } == [0x1B, 0x64, 255])
    }

    @Test func qrCodeIsGsParenKFunctions165To181() throws {
        let got = try bytes { try $0.qrCode("AB", moduleSize: 6, errorCorrection: .medium) }
        let expected: [UInt8] = [
            0x1D, 0x28, 0x6B, 4, 0, 49, 65, 50, 0,  // fn 165: model 2
            0x1D, 0x28, 0x6B, 3, 0, 49, 67, 6,  // fn 167: module 6 dots
            0x1D, 0x28, 0x6B, 3, 0, 49, 69, 49,  // fn 169: level M
            0x1D, 0x28, 0x6B, 5, 0, 49, 80, 48, 0x41, 0x42,  // fn 180: store "AB" (k + 3)
            0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48,  // fn 181: print
        ]
        #expect(got == expected)
    }

    @Test func qrStoreLengthUsesTwoBytes() throws {
        let payload = String(repeating: "x", count: 300)
        let got = try bytes { try $0.qrCode(payload) }
        // pL pH of function 180 = 303 = 0x012F
        let store = Array(got[25...31])
        #expect(store == [0x1D, 0x28, 0x6B, 0x2F, 0x01, 49, 80])
        #expect(throws: EscPosError.qrPayloadSize(0)) {
            var e = EscPosEncoder(); try e.qrCode("")
        }
        #expect(throws: EscPosError.qrPayloadSize(7090)) {
            var e = EscPosEncoder(); try e.qrCode(String(repeating: "x", count: 7090))
        }
    }

    @Test func cutIsGsVFunctionB() {
        #expect(bytes { $0.cut(.full, feed: 3) } == [0x1D, 0x56, 65, 3])
        #expect(bytes { $0.cut(.partial) } == [0x1D, 0x56, 66, 0])
        #expect(bytes { $0.cut(.none, feedLinesWithoutCutter: 4) } == [0x1B, 0x64, 4])
    }

    @Test func rasterImageIsGsV0WithBytesPerRowAndRows() throws {
        var bitmap = MonochromeBitmap(width: 10, height: 2)
        bitmap[0, 0] = true
        bitmap[9, 1] = true
        let got = try bytes { try $0.rasterImage(bitmap) }
        #expect(got == [0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x00, 0x00, 0x40])
        #expect(throws: EscPosError.imageSize(width: 0, height: 0)) {
            var e = EscPosEncoder(); try e.rasterImage(MonochromeBitmap(width: 0, height: 0))
        }
    }

    @Test func statusRequestsAreDleEot() {
        #expect(bytes { $0.statusRequest(.printer) } == [0x10, 0x04, 1])
        #expect(bytes { $0.statusRequest(.offlineCause) } == [0x10, 0x04, 2])
        #expect(bytes { $0.statusRequest(.errorCause) } == [0x10, 0x04, 3])
        #expect(bytes { $0.statusRequest(.paperSensor) } == [0x10, 0x04, 4])
    }

    @Test func automaticStatusBackIsGsA() {
        #expect(bytes { $0.automaticStatusBack(.all) } == [0x1D, 0x61, 0x0E])
        #expect(bytes { $0.automaticStatusBack([]) } == [0x1D, 0x61, 0x00])
    }

    @Test func bitmapScalingAndPacking() {
        var b = MonochromeBitmap(width: 2, height: 1)
        b[1, 0] = true
        let s = b.scaled(by: 3)
        #expect(s.width == 6 && s.height == 3)
        #expect(s.blackPixelCount == 9)
        #expect(s[3, 2] && !s[2, 2])
        #expect(MonochromeBitmap(width: 9, height: 1, packed: [0]) == nil)
    }
}
