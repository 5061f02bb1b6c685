import CV4L2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Pixel-format negotiation: VIDIOC_ENUM_FMT to see what the camera offers, then VIDIOC_S_FMT with
/// the profile's size and the best offered format.
enum V4L2Format {
    /// The formats Hall can turn into pages.
    static let known = [FourCC.code("MJPG"), FourCC.code("JPEG"), FourCC.code("YUYV")]

    /// The pixel formats the node offers (VIDIOC_ENUM_FMT); empty when the driver does not enumerate.
    static func offered(_ fd: Int32) -> [UInt32] {
        var formats: [UInt32] = []
        for index in 0..<64 {
            var description = v4l2_fmtdesc()
            description.index = UInt32(index)
            description.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
            guard hall_v4l2_enum_fmt(fd, &description) == 0 else { break }
            formats.append(description.pixelformat)
        }
        return formats
    }

    /// The profile's format when offered, else MJPEG (what document cameras offer at full size),
    /// else YUYV. Without an enumeration the profile's format is asked for as it is.
    static func choose(wanted: String, offered: [UInt32]) throws(ScannerError) -> UInt32 {
        let wantedCode = FourCC.code(wanted)
        guard !offered.isEmpty else { return wantedCode }
        for candidate in [wantedCode] + known where offered.contains(candidate) && known.contains(candidate) {
            return candidate
        }
        throw .unsupported("pixel formats \(offered.map(FourCC.name).joined(separator: ","))")
    }

    /// VIDIOC_S_FMT; returns what the driver chose (it may change the size, and the format).
    static func set(_ fd: Int32, width: Int, height: Int, pixelFormat: UInt32) throws(ScannerError) -> v4l2_pix_format {
        var format = v4l2_format()
        format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE.rawValue
        format.fmt.pix.width = UInt32(width)
        format.fmt.pix.height = UInt32(height)
        format.fmt.pix.pixelformat = pixelFormat
        format.fmt.pix.field = V4L2_FIELD_NONE.rawValue
        guard hall_v4l2_s_fmt(fd, &format) == 0 else {
            if errno == EBUSY { throw .deviceBusy }
            throw .io("VIDIOC_S_FMT: \(String(cString: strerror(errno)))")
        }
        let chosen = format.fmt.pix
        guard known.contains(chosen.pixelformat) else { throw .unsupported("pixel format \(FourCC.name(chosen.pixelformat))") }
        guard chosen.width > 0, chosen.height > 0 else { throw .io("VIDIOC_S_FMT returned an empty size") }
        return chosen
    }

    /// Bytes a read() buffer needs for one frame of `format`.
    static func frameBytes(_ format: v4l2_pix_format) -> Int {
        max(1, Int(max(format.sizeimage, format.bytesperline * format.height)))
    }
}
