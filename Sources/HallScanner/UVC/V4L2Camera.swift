import CV4L2
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A USB video-class document camera (高拍仪) through V4L2.
///
/// Opens the node, reads its capabilities (VIDIOC_QUERYCAP) and offered pixel formats
/// (VIDIOC_ENUM_FMT), sets the profile's size and the best format (VIDIOC_S_FMT), then takes frames
/// by streaming I/O with memory-mapped buffers (what `uvcvideo` offers) or, where the driver offers
/// only that or mapping fails, by read(). Warm-up frames are dropped; MJPEG frames are checked and
/// kept as JPEG, YUYV frames converted (`V4L2FrameDecoder`).
public struct V4L2Camera: DocumentScanner {
    /// The device node, e.g. `/dev/video0`.
    public let deviceName: String
    /// Frame size and pixel format.
    public let settings: ScannerProfile.Camera
    /// How long to wait for a frame.
    public let timeout: Duration

    private static let queue = DispatchQueue(label: "hall.v4l2")

    /// Creates a camera for `device` with the profile's camera settings.
    public init(device: String, settings: ScannerProfile.Camera, timeout: Duration = .seconds(10)) {
        deviceName = device
        self.settings = settings
        self.timeout = timeout
    }

    public func capture(_ options: ScanOptions) async throws(ScannerError) -> [ScannedPage] {
        guard options.source == .flatbed else { throw .unsupported("source=ADF") }
        let camera = self
        let result: Result<ScannedPage, ScannerError> = await withCheckedContinuation { continuation in
            Self.queue.async {
                continuation.resume(
                    returning: Result { () throws(ScannerError) -> ScannedPage in
                        try camera.captureFrame(colorMode: options.colorMode)
                    })
            }
        }
        return [try result.get()]
    }

    /// Blocking capture of one frame.
    func captureFrame(colorMode: ColorMode) throws(ScannerError) -> ScannedPage {
        let fd = open(deviceName, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openError(errno) }
        defer { close(fd) }
        let capabilities = try V4L2Capabilities.query(fd)
        let pixelFormat = try V4L2Format.choose(wanted: settings.pixelFormat, offered: V4L2Format.offered(fd))
        let format = try V4L2Format.set(fd, width: settings.width, height: settings.height, pixelFormat: pixelFormat)
        let decoder = V4L2FrameDecoder(format: format, colorMode: colorMode)
        let deadline = ContinuousClock.now + timeout
        switch try Self.openStream(fd, methods: capabilities.ioMethods, frameBytes: V4L2Format.frameBytes(format)) {
        case .mmap(var stream):
            defer { stream.close() }
            return try decoder.firstPage(from: &stream, warmup: settings.warmupFrames, deadline: deadline)
        case .read(var stream):
            return try decoder.firstPage(from: &stream, warmup: settings.warmupFrames, deadline: deadline)
        }
    }

    /// An open frame stream of either kind.
    enum Stream {
        case mmap(V4L2MmapStream)
        case read(V4L2ReadStream)
    }

    /// Opens the first method that works, preferred first. A streaming set-up that fails for any
    /// reason but a missing or busy device falls back to read() when the driver offers it.
    static func openStream(_ fd: Int32, methods: [V4L2Capabilities.IOMethod], frameBytes: Int) throws(ScannerError) -> Stream {
        var failure = ScannerError.unsupported("V4L2 I/O")
        for method in methods {
            switch method {
            case .read:
                return .read(V4L2ReadStream(fd: fd, frameBytes: frameBytes))
            case .mmap:
                do {
                    return .mmap(try V4L2MmapStream(fd: fd))
                } catch {
                    if error == .noDevice || error == .deviceBusy { throw error }
                    failure = error
                }
            }
        }
        throw failure
    }

    private static func openError(_ code: Int32) -> ScannerError {
        switch code {
        case ENOENT, ENODEV, ENXIO: .noDevice
        case EBUSY: .deviceBusy
        default: .io("open: \(String(cString: strerror(code)))")
        }
    }
}
