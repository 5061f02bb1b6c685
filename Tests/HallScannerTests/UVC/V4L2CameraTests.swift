import Foundation
import Testing
@testable import HallScanner

/// The UVC/V4L2 backend. The real `V4L2Camera` code (open, VIDIOC_QUERYCAP, VIDIOC_S_FMT, read())
/// runs against a umockdev-emulated `/dev/video0` in a child run of this test binary under
/// `umockdev-wrapper`; mmap streaming cannot be emulated by umockdev and is not used.
struct V4L2CameraTests {
    static let childEnvironment = "HALL_UMOCKDEV_V4L2_CHILD"
    static var isChild: Bool { ChildRun.isChild(childEnvironment) }

    /// A 64x48 YUYV colour-bar frame: 8 bars of white, yellow, cyan, green, magenta, red, blue, black.
    static func colourBars(width: Int = 64, height: Int = 48) -> (yuyv: Data, rgb: [[Int]]) {
        let bars: [(y: UInt8, u: UInt8, v: UInt8, rgb: [Int])] = [
            (235, 128, 128, [255, 255, 255]), (210, 16, 146, [255, 255, 0]), (170, 166, 16, [0, 255, 255]),
            (145, 54, 34, [0, 255, 0]), (106, 202, 222, [255, 0, 255]), (81, 90, 240, [255, 0, 0]),
            (41, 240, 110, [0, 0, 255]), (16, 128, 128, [0, 0, 0]),
        ]
        var bytes: [UInt8] = []
        for _ in 0..<height {
            for pair in 0..<(width / 2) {
                let bar = bars[pair * 2 * bars.count / width]
                bytes += [bar.y, bar.u, bar.y, bar.v]
            }
        }
        return (Data(bytes), bars.map(\.rgb))
    }

    @Test func noSuchNodeIsNoDevice() async {
        let camera = V4L2Camera(device: "/dev/video-hall-absent", settings: .init(width: 640, height: 480, pixelFormat: "YUYV"))
        await #expect(throws: ScannerError.noDevice) { try await camera.capture(ScanOptions()) }
    }

    @Test func aCharacterDeviceThatIsNoCameraIsNoDevice() async {
        // /dev/null answers VIDIOC_QUERYCAP with ENOTTY.
        let camera = V4L2Camera(device: "/dev/null", settings: .init(width: 640, height: 480, pixelFormat: "YUYV"))
        await #expect(throws: ScannerError.noDevice) { try await camera.capture(ScanOptions()) }
    }

    /// Runs `capturesFromEmulatedDevice` in a child process under umockdev-wrapper.
    @Test(.enabled(if: !isChild)) func capturesThroughUmockdev() throws {
        try ChildRun.expectPasses(filter: "V4L2CameraTests/capturesFromEmulatedDevice", testName: "capturesFromEmulatedDevice",
                                  variable: Self.childEnvironment, wrapper: ["umockdev-wrapper"])
    }

    /// The child side: only meaningful inside umockdev-wrapper.
    @Test(.enabled(if: isChild)) func capturesFromEmulatedDevice() async throws {
        let bars = Self.colourBars()
        let jpeg = try JPEGCodec.encode(ScannedPage(width: 64, height: 48, format: .rgb8,
                                                    bytes: try YUYVConverter.rgb(bars.yuyv, width: 64, height: 48, bytesPerLine: 128)))
        let device = FakeV4L2Camera(width: 64, height: 48, yuyvFrame: bars.yuyv, jpegFrame: jpeg)
        try device.start()

        // Hotplug detection sees the emulated node through /sys/class/video4linux.
        #expect(await V4L2DevicePresence().devices() == ["/dev/video0"])

        // YUYV: the profile asks for 1920x1080, the camera answers 64x48; two warm-up frames.
        let yuyvCamera = V4L2Camera(device: "/dev/video0", settings: .init(width: 1920, height: 1080, pixelFormat: "YUYV", warmupFrames: 2))
        let page = try #require(try await yuyvCamera.capture(ScanOptions(colorMode: .color)).first)
        #expect(page.format == .rgb8 && page.width == 64 && page.height == 48)
        let rgb = [UInt8](page.bytes)
        for (index, expected) in bars.rgb.enumerated() {
            let x = index * 8 + 4, y = 20
            let pixel = rgb[((y * 64 + x) * 3)..<((y * 64 + x) * 3 + 3)].map(Int.init)
            #expect(zip(pixel, expected).allSatisfy { abs($0 - $1) <= 4 }, "bar \(index): \(pixel)")
        }
        #expect(device.log.prefix(5) == ["QUERYCAP", "S_FMT YUYV 1920x1080", "READ 6144", "READ 6144", "READ 6144"])

        // MJPEG: the frame is kept as the JPEG the camera sent.
        let mjpegCamera = V4L2Camera(device: "/dev/video0", settings: .init(width: 2592, height: 1944, pixelFormat: "MJPG"))
        let still = try #require(try await mjpegCamera.capture(ScanOptions()).first)
        #expect(still.format == .jpeg && still.bytes == jpeg)
        #expect(device.log.contains("S_FMT MJPG 2592x1944"))

        // And the whole path into the store: JPEG kept, thumbnail made through libturbojpeg.
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = CaptureStore(root: root)
        let record = try #require(try await store.store([still], caseID: "C", materialID: "id-card", profileID: "uvc",
                                                        index: InMemoryCaptureIndex()).first)
        #expect(record.mime == "image/jpeg" && record.width == 64 && record.height == 48)
        #expect(try TestSupport.pngSize(try store.thumbnail(for: record)) == (64, 48))
    }
}
