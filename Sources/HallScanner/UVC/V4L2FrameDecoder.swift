import CV4L2
import Foundation

/// Turns one frame of the negotiated format into a page, the same way whichever I/O method
/// delivered it. MJPEG frames are checked with libturbojpeg and kept as JPEG files (colour) or
/// decoded to grey; YUYV frames are converted. A damaged frame gives nil: take the next one.
struct V4L2FrameDecoder {
    let pixelFormat: UInt32
    let width: Int
    let height: Int
    let bytesPerLine: Int
    let colorMode: ColorMode

    /// A decoder for the format the driver chose.
    init(format: v4l2_pix_format, colorMode: ColorMode) {
        pixelFormat = format.pixelformat
        width = Int(format.width)
        height = Int(format.height)
        bytesPerLine = Int(format.bytesperline) > 0 ? Int(format.bytesperline) : Int(format.width) * 2
        self.colorMode = colorMode
    }

    /// Whether frames are Motion-JPEG.
    var isJPEG: Bool { pixelFormat == FourCC.code("MJPG") || pixelFormat == FourCC.code("JPEG") }

    /// The page of `frame`, or nil when the frame is damaged or incomplete.
    func page(from frame: [UInt8]) throws(ScannerError) -> ScannedPage? {
        if isJPEG {
            guard let checked = MJPEGFrame.file(from: frame) else { return nil }
            if colorMode == .color {
                return ScannedPage(width: checked.width, height: checked.height, format: .jpeg, bytes: checked.jpeg)
            }
            do {
                return try JPEGCodec.grayPage(checked.jpeg)
            } catch {
                return nil
            }
        }
        guard width > 0, height > 0, frame.count >= bytesPerLine * (height - 1) + width * 2 else { return nil }
        let data = Data(frame)
        if colorMode == .color {
            return ScannedPage(
                width: width, height: height, format: .rgb8,
                bytes: try YUYVConverter.rgb(data, width: width, height: height, bytesPerLine: bytesPerLine))
        }
        return ScannedPage(
            width: width, height: height, format: .gray8,
            bytes: try YUYVConverter.gray(data, width: width, height: height, bytesPerLine: bytesPerLine))
    }

    /// Reads frames from `source` until one gives a page: the first `warmup` frames are dropped
    /// unread (exposure settles), damaged frames are skipped, up to `maxDamaged` of them in a row.
    func firstPage(
        from source: inout some V4L2FrameSource, warmup: Int, maxDamaged: Int = 10,
        deadline: ContinuousClock.Instant
    ) throws(ScannerError) -> ScannedPage {
        for _ in 0..<max(0, warmup) { _ = try source.nextFrame(deadline: deadline) }
        var damaged = 0
        while true {
            if let page = try page(from: try source.nextFrame(deadline: deadline)) { return page }
            damaged += 1
            guard damaged < maxDamaged else { throw .io("\(damaged) damaged frames in a row") }
        }
    }
}
