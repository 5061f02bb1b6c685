import CSane
import Foundation

/// Turns the frames of one SANE image (one frame, or three for a three-pass scanner) into a page.
///
/// Handles depths 1, 8 and 16 (16 keeps the high byte; SANE sends host byte order), padding
/// at the end of lines (bytes_per_line larger than needed) and unknown height (lines == -1).
struct SaneFrameAssembler {
    /// One frame as read: its parameters and its bytes.
    struct Frame {
        let format: SANE_Frame
        let bytesPerLine: Int
        let pixelsPerLine: Int
        let lines: Int
        let depth: Int
        let data: [UInt8]
    }

    private var frames: [Frame] = []

    /// Adds a frame.
    mutating func add(_ frame: Frame) { frames.append(frame) }

    /// The assembled page.
    func page(resolution: Int?) throws(ScannerError) -> ScannedPage {
        guard let first = frames.first else { throw .io("no frame") }
        let width = first.pixelsPerLine
        let lines = first.lines > 0 ? first.lines : first.data.count / max(1, first.bytesPerLine)
        guard width > 0, lines > 0 else { throw .io("empty frame") }
        switch first.format {
        case SANE_FRAME_GRAY:
            let gray = Self.samples(first, channels: 1, width: width, lines: lines)
            return ScannedPage(width: width, height: lines, format: .gray8, bytes: Data(gray), resolution: resolution)
        case SANE_FRAME_RGB:
            let rgb = Self.samples(first, channels: 3, width: width, lines: lines)
            return ScannedPage(width: width, height: lines, format: .rgb8, bytes: Data(rgb), resolution: resolution)
        case SANE_FRAME_RED, SANE_FRAME_GREEN, SANE_FRAME_BLUE:
            return try planar(width: width, lines: lines, resolution: resolution)
        default:
            throw .unsupported("SANE frame format \(first.format.rawValue)")
        }
    }

    /// Interleaves three single-colour frames.
    private func planar(width: Int, lines: Int, resolution: Int?) throws(ScannerError) -> ScannedPage {
        var planes: [UInt32: [UInt8]] = [:]
        for frame in frames {
            planes[frame.format.rawValue] = Self.samples(frame, channels: 1, width: width, lines: lines)
        }
        guard let red = planes[SANE_FRAME_RED.rawValue], let green = planes[SANE_FRAME_GREEN.rawValue],
            let blue = planes[SANE_FRAME_BLUE.rawValue]
        else { throw .io("missing colour plane") }
        var rgb = [UInt8](repeating: 0, count: width * lines * 3)
        for pixel in 0..<(width * lines) {
            rgb[pixel * 3] = red[pixel]
            rgb[pixel * 3 + 1] = green[pixel]
            rgb[pixel * 3 + 2] = blue[pixel]
        }
        return ScannedPage(width: width, height: lines, format: .rgb8, bytes: Data(rgb), resolution: resolution)
    }

    /// 8-bit samples, `channels` per pixel, rows packed; missing data reads as white.
    static func samples(_ frame: Frame, channels: Int, width: Int, lines: Int) -> [UInt8] {
        var out = [UInt8](repeating: 255, count: width * lines * channels)
        let perLine = width * channels
        for line in 0..<lines {
            let rowStart = line * frame.bytesPerLine
            for sample in 0..<perLine {
                let value: UInt8?
                switch frame.depth {
                case 1:
                    // In SANE 1-bit data a set bit is black.
                    let byte = rowStart + sample / 8
                    value = byte < frame.data.count ? ((frame.data[byte] >> (7 - UInt8(sample % 8))) & 1 == 1 ? 0 : 255) : nil
                case 16:
                    let offset = rowStart + sample * 2
                    guard offset + 1 < frame.data.count else { value = nil; break }
                    let word = frame.data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt16.self) }
                    value = UInt8(word >> 8)
                default:
                    let offset = rowStart + sample
                    value = offset < frame.data.count ? frame.data[offset] : nil
                }
                if let value { out[line * perLine + sample] = value }
            }
        }
        return out
    }
}
