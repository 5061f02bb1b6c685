import CUMockdev
import CV4L2
import Foundation

@testable import HallScanner

/// A programmable V4L2 capture device inside a umockdev testbed. It answers VIDIOC_QUERYCAP
/// (read() and/or streaming I/O), VIDIOC_ENUM_FMT, VIDIOC_S_FMT and the streaming ioctls
/// (VIDIOC_REQBUFS, VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_STREAMON/OFF) through `handle-ioctl`, and
/// serves frames through `handle-read`, so that the real `V4L2Camera` code runs against it. umockdev
/// cannot emulate mmap() of the node, so frames only ever flow through read(). Needs the process to
/// run under `umockdev-wrapper` (LD_PRELOAD of libumockdev-preload).
final class FakeV4L2Camera: @unchecked Sendable {
    /// Frames served per pixel format (YUYV and MJPG), at `width` x `height`.
    let width: Int
    let height: Int
    let yuyvFrame: Data
    /// MJPEG frames served in turn by successive reads (the last one repeats).
    let jpegFrames: [Data]
    /// VIDIOC_QUERYCAP: V4L2_CAP_STREAMING.
    let streaming: Bool
    /// VIDIOC_QUERYCAP: V4L2_CAP_READWRITE.
    let readWrite: Bool
    /// VIDIOC_ENUM_FMT answers; nil: the ioctl is not supported (ENOTTY).
    let offered: [String]?
    /// The node number while plugged in (`/dev/videoN`).
    private var node = 0
    private var syspath: String { "/sys/devices/platform/hall-camera/video4linux/video\(node)" }
    private let lock = NSLock()
    private var requests: [String] = []
    private var pixelFormat = FourCC.code("YUYV")
    private var jpegServed = 0
    private var testbed: UnsafeMutablePointer<UMockdevTestbed>?
    private var handler: UnsafeMutablePointer<UMockdevIoctlBase>?

    init(
        width: Int, height: Int, yuyvFrame: Data, jpegFrames: [Data], streaming: Bool = false, readWrite: Bool = true,
        offered: [String]? = nil
    ) {
        self.width = width
        self.height = height
        self.yuyvFrame = yuyvFrame
        self.jpegFrames = jpegFrames
        self.streaming = streaming
        self.readWrite = readWrite
        self.offered = offered
    }

    /// The calls the device saw, e.g. `QUERYCAP`, `S_FMT MJPG 640x480`, `READ 614400`, `REQBUFS 4`.
    var log: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    /// Adds `/dev/video0` (sysfs class video4linux) and attaches the handlers.
    func start() throws {
        testbed = umockdev_testbed_new()
        handler = umockdev_ioctl_base_new()
        let me = Unmanaged.passUnretained(self).toOpaque()
        let onIoctl: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UMockdevIoctlClient>?, gpointer?) -> gboolean = {
            _, client, data in
            guard let client, let data else { return 0 }
            Unmanaged<FakeV4L2Camera>.fromOpaque(data).takeUnretainedValue().ioctl(client)
            return 1
        }
        let onRead: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UMockdevIoctlClient>?, gpointer?) -> gboolean = {
            _, client, data in
            guard let client, let data else { return 0 }
            Unmanaged<FakeV4L2Camera>.fromOpaque(data).takeUnretainedValue().read(client)
            return 1
        }
        g_signal_connect_data(handler, "handle-ioctl", unsafeBitCast(onIoctl, to: GCallback.self), me, nil, GConnectFlags(rawValue: 0))
        g_signal_connect_data(handler, "handle-read", unsafeBitCast(onRead, to: GCallback.self), me, nil, GConnectFlags(rawValue: 0))
        try plug()
    }

    /// The camera appears as `/dev/video<number>` (sysfs entry, device node, "add" uevent). A camera
    /// plugged in again gets a new number, as the kernel often gives it (and umockdev cannot reuse a node).
    func plug(number: Int = 0) throws {
        node = number
        var error: UnsafeMutablePointer<GError>?
        let description = """
            P: \(syspath.dropFirst("/sys".count))
            N: video\(number)
            E: DEVNAME=/dev/video\(number)
            E: SUBSYSTEM=video4linux
            E: MAJOR=81
            E: MINOR=\(number)
            A: dev=81:\(number)
            A: index=0
            A: name=Hall Fake Document Camera

            """
        guard umockdev_testbed_add_from_string(testbed, description, &error) != 0 else {
            throw FakeCameraError.setup(error.map { String(cString: $0.pointee.message) } ?? "add_from_string")
        }
        guard umockdev_testbed_attach_ioctl(testbed, "/dev/video\(number)", handler, &error) != 0 else {
            throw FakeCameraError.setup(error.map { String(cString: $0.pointee.message) } ?? "attach_ioctl")
        }
        umockdev_testbed_uevent(testbed, syspath, "add")
    }

    /// The camera is pulled out ("remove" uevent, sysfs entry and node gone).
    func unplug() {
        umockdev_testbed_uevent(testbed, syspath, "remove")
        umockdev_testbed_detach_ioctl(testbed, "/dev/video\(node)", nil)
        umockdev_testbed_remove_device(testbed, syspath)
    }

    private func record(_ entry: String) {
        lock.lock()
        requests.append(entry)
        lock.unlock()
    }

    private func ioctl(_ client: UnsafeMutablePointer<UMockdevIoctlClient>) {
        let request = umockdev_ioctl_client_get_request(client)
        let argument = umockdev_ioctl_client_get_arg(client)
        switch request {
        case hall_vidioc_querycap():
            record("QUERYCAP")
            var capability = v4l2_capability()
            withUnsafeMutableBytes(of: &capability.driver) { Self.copy("uvcvideo", into: $0) }
            withUnsafeMutableBytes(of: &capability.card) { Self.copy("Hall Fake Document Camera", into: $0) }
            var caps = UInt32(V4L2_CAP_VIDEO_CAPTURE)
            if readWrite { caps |= UInt32(V4L2_CAP_READWRITE) }
            if streaming { caps |= UInt32(V4L2_CAP_STREAMING) }
            capability.capabilities = caps | 0x8000_0000
            capability.device_caps = caps
            reply(client, argument, with: &capability)
        case hall_vidioc_enum_fmt():
            guard let offered else {
                record("ENUM_FMT unsupported")
                umockdev_ioctl_client_complete(client, -1, ENOTTY)
                return
            }
            update(client, argument, as: v4l2_fmtdesc.self) { description in
                let index = Int(description.index)
                self.record("ENUM_FMT \(index)")
                guard index < offered.count else { return EINVAL }
                description.pixelformat = FourCC.code(offered[index])
                return 0
            }
        case hall_vidioc_s_fmt():
            update(client, argument, as: v4l2_format.self) { format in
                let asked = format.fmt.pix
                self.record("S_FMT \(FourCC.name(asked.pixelformat)) \(asked.width)x\(asked.height)")
                // Like a camera: keep the pixel format if known, answer with its own frame size.
                let chosen = asked.pixelformat == FourCC.code("MJPG") ? FourCC.code("MJPG") : FourCC.code("YUYV")
                self.lock.withLock { self.pixelFormat = chosen }
                format.fmt.pix.pixelformat = chosen
                format.fmt.pix.width = UInt32(self.width)
                format.fmt.pix.height = UInt32(self.height)
                format.fmt.pix.bytesperline = chosen == FourCC.code("YUYV") ? UInt32(self.width * 2) : 0
                format.fmt.pix.sizeimage = chosen == FourCC.code("YUYV") ? UInt32(self.width * self.height * 2) : UInt32(self.width * self.height)
                return 0
            }
        case hall_vidioc_reqbufs():
            update(client, argument, as: v4l2_requestbuffers.self) { request in
                self.record("REQBUFS \(request.count)")
                guard self.streaming, request.memory == V4L2_MEMORY_MMAP.rawValue else { return EINVAL }
                request.count = min(request.count, 4)
                return 0
            }
        case hall_vidioc_querybuf():
            update(client, argument, as: v4l2_buffer.self) { buffer in
                self.record("QUERYBUF \(buffer.index)")
                buffer.length = UInt32(self.width * self.height * 2)
                buffer.m.offset = buffer.index * 0x10_0000
                return 0
            }
        case hall_vidioc_qbuf(), hall_vidioc_streamon(), hall_vidioc_streamoff():
            record(request == hall_vidioc_qbuf() ? "QBUF" : request == hall_vidioc_streamon() ? "STREAMON" : "STREAMOFF")
            umockdev_ioctl_client_complete(client, 0, 0)
        default:
            record("IOCTL \(String(request, radix: 16))")
            umockdev_ioctl_client_complete(client, -1, ENOTTY)
        }
    }

    private func read(_ client: UnsafeMutablePointer<UMockdevIoctlClient>) {
        guard let buffer = umockdev_ioctl_client_get_arg(client) else { return }
        let frame: Data = lock.withLock {
            guard pixelFormat == FourCC.code("MJPG") else { return yuyvFrame }
            defer { jpegServed += 1 }
            return jpegFrames[min(jpegServed, jpegFrames.count - 1)]
        }
        let count = min(frame.count, Int(buffer.pointee.data_len))
        record("READ \(buffer.pointee.data_len)")
        var bytes = [UInt8](frame.prefix(count))
        umockdev_ioctl_data_update(buffer, 0, &bytes, Int32(count))
        umockdev_ioctl_client_complete(client, count, 0)
    }

    /// Resolves the argument as a `T`, lets `change` edit it (returning 0 or an errno), writes it back.
    private func update<T>(
        _ client: UnsafeMutablePointer<UMockdevIoctlClient>, _ argument: UnsafeMutablePointer<UMockdevIoctlData>?,
        as type: T.Type, _ change: (inout T) -> Int32
    ) {
        guard let target = umockdev_ioctl_data_resolve(argument, 0, gsize(MemoryLayout<T>.size), nil) else {
            umockdev_ioctl_client_complete(client, -1, EFAULT)
            return
        }
        let value = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { value.deallocate() }
        UnsafeMutableRawPointer(value).copyMemory(from: target.pointee.data, byteCount: MemoryLayout<T>.size)
        let failure = change(&value.pointee)
        guard failure == 0 else {
            umockdev_ioctl_client_complete(client, -1, failure)
            return
        }
        umockdev_ioctl_data_update(target, 0, UnsafeMutableRawPointer(value).assumingMemoryBound(to: UInt8.self), Int32(MemoryLayout<T>.size))
        umockdev_ioctl_client_complete(client, 0, 0)
    }

    private func reply<T>(
        _ client: UnsafeMutablePointer<UMockdevIoctlClient>,
        _ argument: UnsafeMutablePointer<UMockdevIoctlData>?, with value: inout T
    ) {
        let copy = value
        update(client, argument, as: T.self) { target in
            target = copy
            return 0
        }
    }

    private static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer) {
        for (offset, byte) in text.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
    }
}

enum FakeCameraError: Error {
    case setup(String)
}
