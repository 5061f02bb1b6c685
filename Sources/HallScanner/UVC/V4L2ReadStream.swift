import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Frames through `read()` (V4L2_CAP_READWRITE): each read returns one frame.
struct V4L2ReadStream: V4L2FrameSource {
    let fd: Int32
    private var buffer: [UInt8]

    /// `frameBytes`: the largest frame (`sizeimage` of the negotiated format).
    init(fd: Int32, frameBytes: Int) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: max(1, frameBytes))
    }

    mutating func nextFrame(deadline: ContinuousClock.Instant) throws(ScannerError) -> [UInt8] {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[0..<count]) }
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

    mutating func close() {}
}
