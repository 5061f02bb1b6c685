import Foundation
import HallCore
import HallTestSupport
import Testing

@testable import HallScanner

/// The UVC/V4L2 backend. The real `V4L2Camera` code (open, VIDIOC_QUERYCAP, VIDIOC_ENUM_FMT,
/// VIDIOC_S_FMT, the streaming ioctls, read()) runs against a umockdev-emulated `/dev/video0`, each
/// scenario in a child run of this test binary under `umockdev-wrapper`. umockdev cannot emulate
/// mmap() of a device node (it fails with ENODEV), so the streaming path is exercised up to the
/// mapping — buffers requested, queried, and given back — and frames then flow through read().
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

    @Test func aCameraHasNoDocumentFeeder() async {
        let camera = V4L2Camera(device: "/dev/null", settings: .init(width: 640, height: 480, pixelFormat: "YUYV"))
        await #expect(throws: ScannerError.unsupported("source=ADF")) { try await camera.capture(ScanOptions(source: .adf, maxPages: 3)) }
    }

    /// Runs each `emulated…` scenario in its own child process under umockdev-wrapper.
    @Test(
        .enabled(if: !isChild),
        arguments: [
            "emulatedReadCamera", "emulatedStreamingCamera", "emulatedStreamingOnlyCamera",
            "emulatedHotplug",
        ])
    func throughUmockdev(scenario: String) throws {
        try ChildRun.expectPasses(
            filter: "V4L2CameraTests/\(scenario)", testName: scenario,
            variable: Self.childEnvironment, wrapper: ["umockdev-wrapper"])
    }

    /// A driver with read() only: YUYV converted, MJPEG kept; no VIDIOC_ENUM_FMT.
    @Test(.enabled(if: isChild)) func emulatedReadCamera() async throws {
        let bars = Self.colourBars()
        let jpeg = try UVCFrames.encoded()
        let device = FakeV4L2Camera(width: 64, height: 48, yuyvFrame: bars.yuyv, jpegFrames: [Data(jpeg)])
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
        #expect(device.log.prefix(6) == ["QUERYCAP", "ENUM_FMT unsupported", "S_FMT YUYV 1920x1080", "READ 6144", "READ 6144", "READ 6144"])
        #expect(!device.log.contains { $0.hasPrefix("REQBUFS") }, "no streaming without V4L2_CAP_STREAMING")

        // MJPEG: the frame is kept as the JPEG the camera sent.
        let mjpegCamera = V4L2Camera(device: "/dev/video0", settings: .init(width: 2592, height: 1944, pixelFormat: "MJPG"))
        let still = try #require(try await mjpegCamera.capture(ScanOptions()).first)
        #expect(still.format == .jpeg && [UInt8](still.bytes) == jpeg)
        #expect(device.log.contains("S_FMT MJPG 2592x1944"))

        // And the whole path into the store: JPEG kept, thumbnail made through libturbojpeg.
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = CaptureStore(root: root)
        let record = try #require(
            try await store.store(
                [still], caseID: "C", materialID: "id-card", profileID: "uvc",
                index: InMemoryCaptureIndex()
            ).first)
        #expect(record.mime == "image/jpeg" && record.width == 64 && record.height == 48)
        #expect(try TestSupport.pngSize(try store.thumbnail(for: record)) == (64, 48))
    }

    /// A uvcvideo-like driver offering streaming I/O (and read()), MJPEG only: the format is chosen
    /// from VIDIOC_ENUM_FMT, buffers are requested and queried; mmap() fails under umockdev, the
    /// buffers are given back, and the camera-shaped MJPEG frames come through read().
    @Test(.enabled(if: isChild)) func emulatedStreamingCamera() async throws {
        let jpeg = try UVCFrames.encoded()
        let good = UVCFrames.cameraFrame(jpeg)
        let device = FakeV4L2Camera(
            width: 64, height: 48, yuyvFrame: Self.colourBars().yuyv,
            jpegFrames: [Data(UVCFrames.truncated(good)), Data(good)], streaming: true, offered: ["MJPG"])
        try device.start()
        let camera = V4L2Camera(device: "/dev/video0", settings: .init(width: 1920, height: 1080, pixelFormat: "YUYV"))
        let page = try #require(try await camera.capture(ScanOptions()).first)
        #expect(page.format == .jpeg && [UInt8](page.bytes) == UVCFrames.expectedFile(jpeg))
        #expect(
            device.log == [
                "QUERYCAP", "ENUM_FMT 0", "ENUM_FMT 1", "S_FMT MJPG 1920x1080",
                "REQBUFS 4", "QUERYBUF 0", "REQBUFS 0", "READ 3072", "READ 3072",
            ], "\(device.log)")
    }

    /// Streaming only (as uvcvideo): with mmap() unavailable the capture fails clearly, buffers released.
    @Test(.enabled(if: isChild)) func emulatedStreamingOnlyCamera() async throws {
        let device = FakeV4L2Camera(
            width: 64, height: 48, yuyvFrame: Self.colourBars().yuyv, jpegFrames: [Data(try UVCFrames.encoded())],
            streaming: true, readWrite: false, offered: ["YUYV", "MJPG"])
        try device.start()
        let camera = V4L2Camera(device: "/dev/video0", settings: .init(width: 640, height: 480, pixelFormat: "MJPG"))
        var detail = ""
        do {
            _ = try await camera.capture(ScanOptions())
        } catch {
            detail = "\(error)"
        }
        #expect(detail.hasPrefix("scanner_io:") && detail.contains("mmap:"), "mmap cannot work under umockdev: \(detail)")
        #expect(
            device.log == [
                "QUERYCAP", "ENUM_FMT 0", "ENUM_FMT 1", "ENUM_FMT 2", "S_FMT MJPG 640x480",
                "REQBUFS 4", "QUERYBUF 0", "REQBUFS 0",
            ], "\(device.log)")
    }

    /// The service notices the camera leaving and coming back (sysfs, as udev would show it).
    @Test(.enabled(if: isChild)) func emulatedHotplug() async throws {
        let device = FakeV4L2Camera(width: 64, height: 48, yuyvFrame: Self.colourBars().yuyv, jpegFrames: [Data(try UVCFrames.encoded())])
        try device.start()
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = try ScannerCatalog.load(directory: PackagePaths.url("devices/scanners"))
        var profile = try #require(catalog.profile(id: "uvc-document-camera-1080p"))
        profile.camera?.warmupFrames = 0
        let index = InMemoryCaptureIndex()
        let service = ScannerService(profile: profile, store: CaptureStore(root: root), index: index)
        #expect(await service.refresh().state == .ready)
        #expect(await service.status.device == "/dev/video0")

        device.unplug()
        await service.startMonitoring(every: .milliseconds(50))
        try await Self.eventually { await service.status.state == .absent }
        await #expect(throws: ScannerError.noDevice) { try await service.capture(caseID: "C", materialID: "id-card") }

        try device.plug(number: 1)
        try await Self.eventually { await service.status.state == .ready }
        #expect(await service.status.device == "/dev/video1")
        await service.stopMonitoring()
        let pages = try await service.capture(caseID: "C", materialID: "id-card")
        #expect(pages.count == 1 && pages[0].width == 64)
        #expect(await index.all.count == 1)
    }

    static func eventually(_ condition: () async -> Bool) async throws {
        for _ in 0..<200 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("condition not met within 4 s")
    }
}
