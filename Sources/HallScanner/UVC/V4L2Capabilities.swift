import CV4L2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What VIDIOC_QUERYCAP says about a V4L2 node, and the I/O methods Hall can use with it.
struct V4L2Capabilities: Sendable, Equatable {
    /// How frames are taken from the driver.
    enum IOMethod: String, Sendable {
        /// Streaming I/O with memory-mapped driver buffers (what `uvcvideo` offers).
        case mmap
        /// `read()` of one frame at a time (some drivers, and the umockdev emulation).
        case read
    }

    /// Kernel driver, e.g. `uvcvideo`.
    var driver: String
    /// Device name as the driver reports it.
    var card: String
    /// V4L2_CAP_VIDEO_CAPTURE.
    var capture: Bool
    /// V4L2_CAP_STREAMING.
    var streaming: Bool
    /// V4L2_CAP_READWRITE.
    var readWrite: Bool

    /// The usable I/O methods, preferred first: streaming (the only one `uvcvideo` offers), then read().
    var ioMethods: [IOMethod] {
        (streaming ? [.mmap] : []) + (readWrite ? [.read] : [])
    }

    /// VIDIOC_QUERYCAP on an open node; the node must be a video capture device.
    static func query(_ fd: Int32) throws(ScannerError) -> V4L2Capabilities {
        var capability = v4l2_capability()
        guard hall_v4l2_querycap(fd, &capability) == 0 else {
            throw errno == ENOTTY ? .noDevice : .io("VIDIOC_QUERYCAP: \(String(cString: strerror(errno)))")
        }
        // V4L2_CAP_DEVICE_CAPS: device_caps describes this node, capabilities the whole device.
        let caps = capability.capabilities & UInt32(V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps : capability.capabilities
        let result = V4L2Capabilities(
            driver: text(capability.driver), card: text(capability.card),
            capture: caps & UInt32(V4L2_CAP_VIDEO_CAPTURE) != 0,
            streaming: caps & UInt32(V4L2_CAP_STREAMING) != 0,
            readWrite: caps & UInt32(V4L2_CAP_READWRITE) != 0)
        guard result.capture else { throw .noDevice }
        guard !result.ioMethods.isEmpty else { throw .unsupported("V4L2 I/O: neither streaming nor read()") }
        return result
    }

    private static func text<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
