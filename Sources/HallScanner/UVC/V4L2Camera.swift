import CV4L2
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A USB video-class document camera (高拍仪) through V4L2, using the read() I/O method.
///
/// Opens the device node, checks VIDIOC_QUERYCAP (video capture + read/write I/O), sets the
/// profile's size and pixel format with VIDIOC_S_FMT, drops warm-up frames, then reads one frame.
/// YUYV frames become RGB (or grey) pixels; MJPEG frames are kept as JPEG bytes.
///
/// Limitation: the Linux `uvcvideo` driver offers only streaming I/O (mmap), not read(); this
/// backend works with drivers that set V4L2_CAP_READWRITE and reports `.unsupported` otherwise.
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
        let camera = self
        let result: Result<ScannedPage, ScannerError> = await withCheckedContinuation { continuation in
            Self.queue.async {
                continuation.resume(returning: Result { () throws(ScannerError) -> ScannedPage in
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
        try Self.checkCapabilities(fd)
        let format = try negotiate(fd)
        let pixelFormat = format.pixelformat
        let frameSize = Int(max(format.sizeimage, format.bytesperline * format.height))
        var buffer = [UInt8](repeating: 0, count: max(frameSize, 1))
        let deadline = ContinuousClock.now + timeout
        var frameLength = 0
        for _ in 0...max(0, settings.warmupFrames) {
            frameLength = try readFrame(fd, into: &buffer, deadline: deadline)
        }
        let frame = Data(buffer[0..<frameLength])
        let width = Int(format.width), height = Int(format.height)
        if pixelFormat == FourCC.code("MJPG") || pixelFormat == FourCC.code("JPEG") {
            guard frame.count > 4, frame[0] == 0xFF, frame[1] == 0xD8 else { throw .io("MJPEG frame without SOI") }
            return ScannedPage(width: width, height: height, format: .jpeg, bytes: frame)
        }
        let bytesPerLine = Int(format.bytesperline) > 0 ? Int(format.bytesperline) : width * 2
        if colorMode == .color {
            return ScannedPage(width: width, height: height, format: .rgb8,
                               bytes: try YUYVConverter.rgb(frame, width: width, height: height, bytesPerLine: bytesPerLine))
        }
        return ScannedPage(width: width, height: height, format: .gray8,
                           bytes: try YUYVConverter.gray(frame, width: width, height: height, bytesPerLine: bytesPerLine))
    }

    /// VIDIOC_QUERYCAP: the node must capture video and offer read().
    private static func checkCapabilities(_ fd: Int32) throws(ScannerError) {
        var capability = v4l2_capability()
        guard hall_v4l2_querycap(fd, &capability) == 0 else {
            throw errno == ENOTTY ? .noDevice : .io("VIDIOC_QUERYCAP: \(String(cString: strerror(errno)))")
        }
        let caps = capability.capabilities & 0x8000_0000 != 0 ? capability.device_caps : capability.capabilities
        guard caps & UInt32(V4L2_CAP_VIDEO_CAPTURE) != 0 else { throw .noDevice }
        guard caps & UInt32(V4L2_CAP_READWRITE) != 0 else { throw .unsupported("V4L2 read() I/O") }
    }

    /// VIDIOC_S_FMT with the profile's size and pixel format; returns what the driver chose.
    private func negotiate(_ fd: Int32) throws(ScannerError) -> v4l2_pix_format {
        var format = v4l2_format()
        format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        format.fmt.pix.width = UInt32(settings.width)
        format.fmt.pix.height = UInt32(settings.height)
        format.fmt.pix.pixelformat = FourCC.code(settings.pixelFormat)
        format.fmt.pix.field = V4L2_FIELD_NONE.rawValue
        guard hall_v4l2_s_fmt(fd, &format) == 0 else {
            if errno == EBUSY { throw .deviceBusy }
            throw .io("VIDIOC_S_FMT: \(String(cString: strerror(errno)))")
        }
        let chosen = format.fmt.pix
        let known = [FourCC.code("YUYV"), FourCC.code("MJPG"), FourCC.code("JPEG")]
        guard known.contains(chosen.pixelformat) else { throw .unsupported("pixel format \(FourCC.name(chosen.pixelformat))") }
        guard chosen.width > 0, chosen.height > 0 else { throw .io("VIDIOC_S_FMT returned an empty size") }
        return chosen
    }

    /// read() of one frame; retries on EAGAIN until `deadline`.
    private func readFrame(_ fd: Int32, into buffer: inout [UInt8], deadline: ContinuousClock.Instant) throws(ScannerError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return count }
            if count == 0 { throw .io("read() returned no data") }
            switch errno {
            case EAGAIN, EINTR:
                if ContinuousClock.now >= deadline { throw .timeout }
                usleep(5_000)
            case ENODEV, ENXIO: throw .noDevice
            case EBUSY: throw .deviceBusy
            default: throw .io("read: \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func openError(_ code: Int32) -> ScannerError {
        switch code {
        case ENOENT, ENODEV, ENXIO: .noDevice
        case EBUSY: .deviceBusy
        default: .io("open: \(String(cString: strerror(code)))")
        }
    }
}
