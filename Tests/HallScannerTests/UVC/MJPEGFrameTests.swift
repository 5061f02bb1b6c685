import CV4L2
import Foundation
import Testing

@testable import HallScanner

/// UVC Motion-JPEG frames made into stored JPEG files: the same code the mmap and read() paths
/// run after a frame arrives (`V4L2FrameDecoder`), fed with camera-shaped frames.
struct MJPEGFrameTests {
    @Test func standardTablesAreTheOnesOfAnnexK() throws {
        let tables = [UInt8](MJPEGFrame.standardTables)
        // Four DHT segments: DC/AC × luminance/chrominance, 21 bytes of header each + 12+12+162+162 values.
        #expect(tables.count == 4 * 21 + 12 + 12 + 162 + 162)
        var segments: [[UInt8]] = []
        var position = 0
        while position < tables.count {
            #expect(tables[position] == 0xFF && tables[position + 1] == 0xC4)
            let length = Int(tables[position + 2]) << 8 | Int(tables[position + 3])
            segments.append(Array(tables[(position + 4)..<(position + 2 + length)]))
            position += 2 + length
        }
        let byClass = Dictionary(uniqueKeysWithValues: segments.map { ($0[0], $0) })
        #expect(Set(byClass.keys) == [0x00, 0x10, 0x01, 0x11])
        // T.81 Table K.3: DC luminance code lengths and values.
        #expect(Array(byClass[0x00]![1...16]) == [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(byClass[0x00]![17...]) == Array(0...11))
        // Table K.5: AC luminance has 162 values, 0x7D codes of length 16; Table K.6 (chrominance) 0x77.
        #expect(byClass[0x10]![16] == 0x7D && byClass[0x10]!.count == 17 + 162)
        #expect(byClass[0x11]![16] == 0x77 && byClass[0x11]![17...19] == [0x00, 0x01, 0x02])
    }

    @Test func aCameraFrameBecomesAStandaloneJPEG() throws {
        let jpeg = try UVCFrames.encoded()
        let frame = UVCFrames.cameraFrame(jpeg)
        #expect(MJPEGFrame.segments(0xC4, in: frame).isEmpty, "the camera frame carries no tables")
        let checked = try #require(MJPEGFrame.file(from: frame))
        #expect(checked.width == 64 && checked.height == 48)
        // Tables back in, padding gone: the encoder's own file, byte for byte (with the AVI1 segment).
        #expect([UInt8](checked.jpeg) == UVCFrames.expectedFile(jpeg))
        // And the file decodes to the colour bars.
        let decoded = try JPEGCodec.grayPage(checked.jpeg)
        #expect(decoded.width == 64 && decoded.height == 48)
    }

    @Test func damagedFramesAreRefused() throws {
        let jpeg = try UVCFrames.encoded()
        let frame = UVCFrames.cameraFrame(jpeg)
        #expect(MJPEGFrame.file(from: UVCFrames.truncated(frame)) == nil, "no end marker")
        #expect(MJPEGFrame.normalize(UVCFrames.cutWithEnd(jpeg)) != nil, "structurally whole")
        #expect(MJPEGFrame.file(from: UVCFrames.cutWithEnd(jpeg)) == nil, "but the entropy data is cut short")
        #expect(MJPEGFrame.file(from: Array("not a jpeg at all".utf8)) == nil)
        #expect(MJPEGFrame.file(from: [0xFF, 0xD8, 0xFF, 0xD9]) == nil)
    }

    @Test func theDecoderSkipsWarmUpAndDamagedFrames() throws {
        let jpeg = try UVCFrames.encoded()
        let good = UVCFrames.cameraFrame(jpeg)
        var frames = RecordedFrames([[1, 2, 3], [4, 5, 6], UVCFrames.truncated(good), UVCFrames.cutWithEnd(jpeg), good, good])
        let decoder = V4L2FrameDecoder(format: Self.format("MJPG"), colorMode: .color)
        let page = try decoder.firstPage(from: &frames, warmup: 2, deadline: .now + .seconds(5))
        #expect(page.format == .jpeg && [UInt8](page.bytes) == UVCFrames.expectedFile(jpeg))
        #expect(frames.taken == 5, "two warm-up frames unread, two damaged skipped, the fifth kept")
    }

    @Test func aGreyCaptureFromAnMJPEGCameraIsDecoded() throws {
        var frames = RecordedFrames([UVCFrames.cameraFrame(try UVCFrames.encoded())])
        let page = try V4L2FrameDecoder(format: Self.format("MJPG"), colorMode: .gray)
            .firstPage(from: &frames, warmup: 0, deadline: .now + .seconds(5))
        #expect(page.format == .gray8 && page.bytes.count == 64 * 48)
        // The white bar is light, the black bar dark.
        #expect(page.bytes[20 * 64 + 4] > 200 && page.bytes[20 * 64 + 60] < 40)
    }

    @Test func onlyDamagedFramesIsAnIOErrorAndNoFramesATimeout() throws {
        let bad = UVCFrames.truncated(UVCFrames.cameraFrame(try UVCFrames.encoded()))
        var damaged = RecordedFrames(Array(repeating: bad, count: 20))
        let decoder = V4L2FrameDecoder(format: Self.format("MJPG"), colorMode: .color)
        #expect(throws: ScannerError.io("10 damaged frames in a row")) {
            try decoder.firstPage(from: &damaged, warmup: 0, deadline: .now + .seconds(5))
        }
        var none = RecordedFrames([])
        #expect(throws: ScannerError.timeout) { try decoder.firstPage(from: &none, warmup: 0, deadline: .now + .seconds(5)) }
    }

    @Test func shortYUYVFramesAreSkipped() throws {
        let bars = V4L2CameraTests.colourBars()
        var frames = RecordedFrames([Array(bars.yuyv.prefix(1000)), [UInt8](bars.yuyv)])
        var format = Self.format("YUYV")
        format.bytesperline = 128
        let page = try V4L2FrameDecoder(format: format, colorMode: .color).firstPage(from: &frames, warmup: 0, deadline: .now + .seconds(5))
        #expect(page.format == .rgb8 && page.width == 64 && frames.taken == 2)
    }

    static func format(_ pixelFormat: String) -> v4l2_pix_format {
        var format = v4l2_pix_format()
        format.pixelformat = FourCC.code(pixelFormat)
        format.width = 64
        format.height = 48
        return format
    }
}

/// Frames played back in order, as a driver would deliver them; none left = no frame in time.
struct RecordedFrames: V4L2FrameSource {
    private let frames: [[UInt8]]
    private(set) var taken = 0

    init(_ frames: [[UInt8]]) { self.frames = frames }

    mutating func nextFrame(deadline: ContinuousClock.Instant) throws(ScannerError) -> [UInt8] {
        guard taken < frames.count else { throw .timeout }
        defer { taken += 1 }
        return frames[taken]
    }

    mutating func close() {}
}
