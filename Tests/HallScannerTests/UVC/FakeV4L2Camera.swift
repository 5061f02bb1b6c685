import CUMockdev
import CV4L2
import Foundation
@testable import HallScanner

/// A programmable V4L2 capture device inside a umockdev testbed: it answers VIDIOC_QUERYCAP and
/// VIDIOC_S_FMT through `handle-ioctl` and serves frames through `handle-read`, so that the real
/// `V4L2Camera` code (open, ioctl, read) runs against it. Needs the process to run under
/// `umockdev-wrapper` (LD_PRELOAD of libumockdev-preload).
final class FakeV4L2Camera: @unchecked Sendable {
    /// Frames served per pixel format (YUYV and MJPG), at `width` x `height`.
    let width: Int
    let height: Int
    let yuyvFrame: Data
    let jpegFrame: Data
    private let lock = NSLock()
    private var requests: [String] = []
    private var pixelFormat = FourCC.code("YUYV")
    private var testbed: UnsafeMutablePointer<UMockdevTestbed>?
    private var handler: UnsafeMutablePointer<UMockdevIoctlBase>?

    init(width: Int, height: Int, yuyvFrame: Data, jpegFrame: Data) {
        self.width = width
        self.height = height
        self.yuyvFrame = yuyvFrame
        self.jpegFrame = jpegFrame
    }

    /// The calls the device saw, e.g. `QUERYCAP`, `S_FMT MJPG 640x480`, `READ 614400`.
    var log: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    /// Adds `/dev/video0` (sysfs class video4linux) and attaches the handlers.
    func start() throws {
        testbed = umockdev_testbed_new()
        var error: UnsafeMutablePointer<GError>?
        let description = """
            P: /devices/platform/hall-camera/video4linux/video0
            N: video0
            E: DEVNAME=/dev/video0
            E: SUBSYSTEM=video4linux
            E: MAJOR=81
            E: MINOR=0
            A: dev=81:0
            A: index=0
            A: name=Hall Fake Document Camera

            """
        guard umockdev_testbed_add_from_string(testbed, description, &error) != 0 else {
            throw FakeCameraError.setup(error.map { String(cString: $0.pointee.message) } ?? "add_from_string")
        }
        handler = umockdev_ioctl_base_new()
        let me = Unmanaged.passUnretained(self).toOpaque()
        let onIoctl: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UMockdevIoctlClient>?, gpointer?) -> gboolean = { _, client, data in
            guard let client, let data else { return 0 }
            Unmanaged<FakeV4L2Camera>.fromOpaque(data).takeUnretainedValue().ioctl(client)
            return 1
        }
        let onRead: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UMockdevIoctlClient>?, gpointer?) -> gboolean = { _, client, data in
            guard let client, let data else { return 0 }
            Unmanaged<FakeV4L2Camera>.fromOpaque(data).takeUnretainedValue().read(client)
            return 1
        }
        g_signal_connect_data(handler, "handle-ioctl", unsafeBitCast(onIoctl, to: GCallback.self), me, nil, GConnectFlags(rawValue: 0))
        g_signal_connect_data(handler, "handle-read", unsafeBitCast(onRead, to: GCallback.self), me, nil, GConnectFlags(rawValue: 0))
        guard umockdev_testbed_attach_ioctl(testbed, "/dev/video0", handler, &error) != 0 else {
            throw FakeCameraError.setup(error.map { String(cString: $0.pointee.message) } ?? "attach_ioctl")
        }
    }

    private func record(_ entry: String) {
        lock.lock()
        requests.append(entry)
        lock.unlock()
    }

    private func ioctl(_ client: UnsafeMutablePointer<UMockdevIoctlClient>) {
        let request = umockdev_ioctl_client_get_request(client)
        let argument = umockdev_ioctl_client_get_arg(client)
        if request == hall_vidioc_querycap() {
            record("QUERYCAP")
            var capability = v4l2_capability()
            withUnsafeMutableBytes(of: &capability.driver) { Self.copy("uvcvideo", into: $0) }
            withUnsafeMutableBytes(of: &capability.card) { Self.copy("Hall Fake Document Camera", into: $0) }
            capability.capabilities = UInt32(V4L2_CAP_VIDEO_CAPTURE) | UInt32(V4L2_CAP_READWRITE) | 0x8000_0000
            capability.device_caps = UInt32(V4L2_CAP_VIDEO_CAPTURE) | UInt32(V4L2_CAP_READWRITE)
            reply(client, argument, with: &capability)
        } else if request == hall_vidioc_s_fmt() {
            guard let target = umockdev_ioctl_data_resolve(argument, 0, gsize(MemoryLayout<v4l2_format>.size), nil) else {
                umockdev_ioctl_client_complete(client, -1, EFAULT)
                return
            }
            var format = v4l2_format()
            withUnsafeMutableBytes(of: &format) { $0.copyMemory(from: UnsafeRawBufferPointer(start: target.pointee.data, count: $0.count)) }
            let asked = format.fmt.pix
            record("S_FMT \(FourCC.name(asked.pixelformat)) \(asked.width)x\(asked.height)")
            // Like a camera: keep the pixel format if known, answer with its own frame size.
            let chosen = asked.pixelformat == FourCC.code("MJPG") ? FourCC.code("MJPG") : FourCC.code("YUYV")
            lock.lock()
            pixelFormat = chosen
            lock.unlock()
            format.fmt.pix.pixelformat = chosen
            format.fmt.pix.width = UInt32(width)
            format.fmt.pix.height = UInt32(height)
            format.fmt.pix.bytesperline = chosen == FourCC.code("YUYV") ? UInt32(width * 2) : 0
            format.fmt.pix.sizeimage = chosen == FourCC.code("YUYV") ? UInt32(width * height * 2) : UInt32(width * height)
            withUnsafeMutableBytes(of: &format) { bytes in
                umockdev_ioctl_data_update(target, 0, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count))
            }
            umockdev_ioctl_client_complete(client, 0, 0)
        } else {
            record("IOCTL \(String(request, radix: 16))")
            umockdev_ioctl_client_complete(client, -1, ENOTTY)
        }
    }

    private func read(_ client: UnsafeMutablePointer<UMockdevIoctlClient>) {
        guard let buffer = umockdev_ioctl_client_get_arg(client) else { return }
        lock.lock()
        let frame = pixelFormat == FourCC.code("MJPG") ? jpegFrame : yuyvFrame
        lock.unlock()
        let count = min(frame.count, Int(buffer.pointee.data_len))
        record("READ \(buffer.pointee.data_len)")
        var bytes = [UInt8](frame.prefix(count))
        umockdev_ioctl_data_update(buffer, 0, &bytes, Int32(count))
        umockdev_ioctl_client_complete(client, count, 0)
    }

    private func reply<T>(_ client: UnsafeMutablePointer<UMockdevIoctlClient>,
                          _ argument: UnsafeMutablePointer<UMockdevIoctlData>?, with value: inout T) {
        guard let target = umockdev_ioctl_data_resolve(argument, 0, gsize(MemoryLayout<T>.size), nil) else {
            umockdev_ioctl_client_complete(client, -1, EFAULT)
            return
        }
        withUnsafeMutableBytes(of: &value) { bytes in
            umockdev_ioctl_data_update(target, 0, bytes.bindMemory(to: UInt8.self).baseAddress, Int32(bytes.count))
        }
        umockdev_ioctl_client_complete(client, 0, 0)
    }

    private static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer) {
        for (offset, byte) in text.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
    }
}

enum FakeCameraError: Error {
    case setup(String)
}
