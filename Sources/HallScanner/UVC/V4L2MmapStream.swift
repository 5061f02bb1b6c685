import CV4L2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Streaming I/O with memory-mapped buffers, the method `uvcvideo` offers: VIDIOC_REQBUFS,
/// VIDIOC_QUERYBUF + mmap per buffer, VIDIOC_QBUF of every buffer, VIDIOC_STREAMON; then
/// poll + VIDIOC_DQBUF for each frame, copied out and queued again; VIDIOC_STREAMOFF, munmap and
/// VIDIOC_REQBUFS(0) at the end (also when setting up fails half-way).
struct V4L2MmapStream: V4L2FrameSource {
    /// Buffers asked of the driver.
    static let bufferCount: UInt32 = 4

    private struct Mapping {
        let address: UnsafeMutableRawPointer
        let length: Int
    }

    let fd: Int32
    private var mappings: [Mapping] = []
    private var requested = false
    private var streaming = false

    /// Sets up the buffers and starts streaming.
    init(fd: Int32) throws(ScannerError) {
        self.fd = fd
        do {
            try setUp()
        } catch {
            close()
            throw error
        }
    }

    private mutating func setUp() throws(ScannerError) {
        var request = v4l2_requestbuffers()
        request.count = Self.bufferCount
        request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        request.memory = V4L2_MEMORY_MMAP.rawValue
        guard hall_v4l2_reqbufs(fd, &request) == 0 else { throw Self.failure("VIDIOC_REQBUFS") }
        requested = true
        guard request.count >= 1 else { throw .io("VIDIOC_REQBUFS granted no buffer") }
        for index in 0..<request.count {
            var buffer = Self.buffer(index: index)
            guard hall_v4l2_querybuf(fd, &buffer) == 0 else { throw Self.failure("VIDIOC_QUERYBUF") }
            let length = Int(buffer.length)
            let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, off_t(hall_v4l2_buffer_offset(&buffer)))
            // ENODEV from mmap means "this file cannot be mapped", not "the camera is gone".
            guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else {
                throw .io("mmap: \(String(cString: strerror(errno)))")
            }
            mappings.append(Mapping(address: address, length: length))
        }
        for index in mappings.indices {
            var buffer = Self.buffer(index: UInt32(index))
            guard hall_v4l2_qbuf(fd, &buffer) == 0 else { throw Self.failure("VIDIOC_QBUF") }
        }
        guard hall_v4l2_streamon(fd, Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue)) == 0 else {
            throw Self.failure("VIDIOC_STREAMON")
        }
        streaming = true
    }

    mutating func nextFrame(deadline: ContinuousClock.Instant) throws(ScannerError) -> [UInt8] {
        while true {
            try Self.waitReadable(fd, deadline: deadline)
            var buffer = Self.buffer(index: 0)
            guard hall_v4l2_dqbuf(fd, &buffer) == 0 else {
                switch errno {
                case EAGAIN, EINTR: continue
                // EIO: the driver dropped a frame (e.g. a USB transfer error); the stream goes on.
                case EIO: continue
                default: throw Self.failure("VIDIOC_DQBUF")
                }
            }
            let index = Int(buffer.index)
            guard mappings.indices.contains(index) else { throw .io("VIDIOC_DQBUF returned buffer \(index)") }
            // A buffer flagged as erroneous holds a damaged frame: give it back and wait for the next.
            let damaged = buffer.flags & UInt32(V4L2_BUF_FLAG_ERROR) != 0
            let used = min(Int(buffer.bytesused), mappings[index].length)
            let frame = damaged ? [] : Array(UnsafeRawBufferPointer(start: mappings[index].address, count: used))
            guard hall_v4l2_qbuf(fd, &buffer) == 0 else { throw Self.failure("VIDIOC_QBUF") }
            if !frame.isEmpty { return frame }
        }
    }

    mutating func close() {
        if streaming {
            _ = hall_v4l2_streamoff(fd, Int32(V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue))
            streaming = false
        }
        for mapping in mappings { munmap(mapping.address, mapping.length) }
        mappings = []
        if requested {
            var release = v4l2_requestbuffers()
            release.count = 0
            release.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            release.memory = V4L2_MEMORY_MMAP.rawValue
            _ = hall_v4l2_reqbufs(fd, &release)
            requested = false
        }
    }

    private static func buffer(index: UInt32) -> v4l2_buffer {
        var buffer = v4l2_buffer()
        buffer.index = index
        buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        buffer.memory = V4L2_MEMORY_MMAP.rawValue
        return buffer
    }

    /// poll() for a filled buffer until `deadline`.
    private static func waitReadable(_ fd: Int32, deadline: ContinuousClock.Instant) throws(ScannerError) {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw .timeout }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 {
                if descriptor.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0, descriptor.revents & Int16(POLLIN) == 0 {
                    throw .noDevice
                }
                return
            }
            if ready < 0, errno != EINTR { throw failure("poll") }
        }
    }

    private static func failure(_ call: String) -> ScannerError {
        switch errno {
        case ENODEV, ENXIO: .noDevice
        case EBUSY: .deviceBusy
        default: .io("\(call): \(String(cString: strerror(errno)))")
        }
    }
}
