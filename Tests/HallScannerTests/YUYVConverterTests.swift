import Foundation
import Testing

@testable import HallScanner

struct YUYVConverterTests {
    /// Two pixels per macropixel: Y0 U Y1 V.
    private func frame(_ macropixels: [(UInt8, UInt8, UInt8, UInt8)], padding: Int = 0) -> Data {
        var bytes: [UInt8] = []
        for (y0, u, y1, v) in macropixels { bytes += [y0, u, y1, v] }
        return Data(bytes + [UInt8](repeating: 0xEE, count: padding))
    }

    @Test func convertsBT601ReferenceColours() throws {
        // Limited-range BT.601 encodings of black, white, red, green, blue.
        let data = frame([(16, 128, 235, 128), (81, 90, 81, 240), (145, 54, 145, 34), (41, 240, 41, 110)])
        let rgb = [UInt8](try YUYVConverter.rgb(data, width: 8, height: 1, bytesPerLine: 16))
        func near(_ index: Int, _ expected: [Int]) -> Bool {
            zip(rgb[(index * 3)..<(index * 3 + 3)], expected).allSatisfy { abs(Int($0) - $1) <= 3 }
        }
        #expect(near(0, [0, 0, 0]))
        #expect(near(1, [255, 255, 255]))
        #expect(near(2, [255, 0, 0]) && near(3, [255, 0, 0]))
        #expect(near(4, [0, 255, 0]) && near(5, [0, 255, 0]))
        #expect(near(6, [0, 0, 255]) && near(7, [0, 0, 255]))
    }

    @Test func skipsLinePadding() throws {
        // 2x2 image with 4 bytes of padding per line.
        let line1 = [UInt8]([235, 128, 235, 128, 0, 0, 0, 0])
        let line2 = [UInt8]([16, 128, 16, 128, 9, 9, 9, 9])
        let gray = [UInt8](try YUYVConverter.gray(Data(line1 + line2), width: 2, height: 2, bytesPerLine: 8))
        #expect(gray == [255, 255, 0, 0])
    }

    @Test func refusesShortFrames() {
        #expect(throws: ScannerError.self) {
            try YUYVConverter.rgb(Data(count: 10), width: 4, height: 2, bytesPerLine: 8)
        }
    }
}
