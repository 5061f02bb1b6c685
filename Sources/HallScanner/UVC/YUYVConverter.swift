import Foundation

/// Converts YUYV 4:2:2 frames (V4L2_PIX_FMT_YUYV: Y0 U Y1 V per two pixels) to RGB or grey,
/// with the BT.601 limited-range matrix that UVC cameras use.
public enum YUYVConverter {
    /// RGB, 3 bytes per pixel. `bytesPerLine` may exceed `width * 2` (padding).
    public static func rgb(_ frame: Data, width: Int, height: Int, bytesPerLine: Int) throws(ScannerError) -> Data {
        try check(frame, width: width, height: height, bytesPerLine: bytesPerLine)
        var out = Data(count: width * height * 3)
        frame.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt8.self)
            out.withUnsafeMutableBytes { target in
                let rgb = target.bindMemory(to: UInt8.self)
                for row in 0..<height {
                    let line = row * bytesPerLine
                    for pair in 0..<(width / 2) {
                        let base = line + pair * 4
                        let u = Int(source[base + 1]) - 128, v = Int(source[base + 3]) - 128
                        for half in 0..<2 {
                            let c = 298 * (Int(source[base + half * 2]) - 16)
                            let pixel = (row * width + pair * 2 + half) * 3
                            rgb[pixel] = clamp((c + 409 * v + 128) >> 8)
                            rgb[pixel + 1] = clamp((c - 100 * u - 208 * v + 128) >> 8)
                            rgb[pixel + 2] = clamp((c + 516 * u + 128) >> 8)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Grey, 1 byte per pixel: the luma samples expanded from limited (16–235) to full range.
    public static func gray(_ frame: Data, width: Int, height: Int, bytesPerLine: Int) throws(ScannerError) -> Data {
        try check(frame, width: width, height: height, bytesPerLine: bytesPerLine)
        var out = Data(count: width * height)
        frame.withUnsafeBytes { raw in
            let source = raw.bindMemory(to: UInt8.self)
            out.withUnsafeMutableBytes { target in
                let gray = target.bindMemory(to: UInt8.self)
                for row in 0..<height {
                    for x in 0..<width {
                        gray[row * width + x] = clamp((298 * (Int(source[row * bytesPerLine + x * 2]) - 16) + 128) >> 8)
                    }
                }
            }
        }
        return out
    }

    private static func check(_ frame: Data, width: Int, height: Int, bytesPerLine: Int) throws(ScannerError) {
        guard width > 0, height > 0, width % 2 == 0, bytesPerLine >= width * 2,
            frame.count >= bytesPerLine * (height - 1) + width * 2
        else {
            throw .io("YUYV frame of \(frame.count) bytes for \(width)x\(height)")
        }
    }

    private static func clamp(_ value: Int) -> UInt8 {
        UInt8(min(255, max(0, value)))
    }
}
