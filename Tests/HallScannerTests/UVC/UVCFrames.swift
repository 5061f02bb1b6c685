import Foundation

@testable import HallScanner

/// Motion-JPEG frames shaped the way USB document cameras send them, made from a colour-bar image:
/// no Huffman tables (the AVI convention), an `AVI1` APP0 segment instead of JFIF, and zero padding
/// after the end marker; plus the damaged kinds a lossy USB link produces. No camera is attached to
/// this machine, so these stand in for recorded frames.
enum UVCFrames {
    /// The colour-bar image as libjpeg-turbo encodes it (standard tables, JFIF).
    static func encoded(width: Int = 64, height: Int = 48) throws -> [UInt8] {
        let bars = V4L2CameraTests.colourBars(width: width, height: height)
        let rgb = try YUYVConverter.rgb(bars.yuyv, width: width, height: height, bytesPerLine: width * 2)
        return [UInt8](try JPEGCodec.encode(ScannedPage(width: width, height: height, format: .rgb8, bytes: rgb)))
    }

    /// `jpeg` without its DHT segments, with JFIF replaced by AVI1, padded with `padding` zero bytes.
    static func cameraFrame(_ jpeg: [UInt8], padding: Int = 300) -> [UInt8] {
        var frame: [UInt8] = [0xFF, 0xD8]
        var position = 2
        while position + 4 <= jpeg.count, jpeg[position] == 0xFF {
            let marker = jpeg[position + 1]
            let length = Int(jpeg[position + 2]) << 8 | Int(jpeg[position + 3])
            let segment = Array(jpeg[position..<(position + 2 + length)])
            if marker == 0xDA {
                frame += jpeg[position...]
                break
            }
            if marker == 0xE0 {
                frame += [0xFF, 0xE0, 0x00, 0x10] + Array("AVI1".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            } else if marker != 0xC4 {
                frame += segment
            }
            position += 2 + length
        }
        return frame + [UInt8](repeating: 0, count: padding)
    }

    /// `frame` with the JPEG rewritten to carry the AVI1 segment the same way (for byte comparisons).
    static func expectedFile(_ jpeg: [UInt8]) -> [UInt8] {
        var file: [UInt8] = []
        var position = 2
        var tables: [UInt8] = []
        file += [0xFF, 0xD8]
        while position + 4 <= jpeg.count, jpeg[position] == 0xFF {
            let marker = jpeg[position + 1]
            let length = Int(jpeg[position + 2]) << 8 | Int(jpeg[position + 3])
            if marker == 0xDA {
                file += tables + jpeg[position...]
                break
            }
            if marker == 0xE0 {
                file += [0xFF, 0xE0, 0x00, 0x10] + Array("AVI1".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            } else if marker == 0xC4 {
                tables += jpeg[position..<(position + 2 + length)]
            } else {
                file += jpeg[position..<(position + 2 + length)]
            }
            position += 2 + length
        }
        return file
    }

    /// A frame cut off in its entropy-coded data (a lost USB transfer): no end marker.
    static func truncated(_ frame: [UInt8]) -> [UInt8] {
        let end = frame.indices.last { frame[$0] == 0xFF && $0 + 1 < frame.count && frame[$0 + 1] == 0xD9 } ?? frame.count
        return Array(frame.prefix(end * 2 / 3))
    }

    /// A frame cut short whose last transfer still carried an end marker.
    static func cutWithEnd(_ jpeg: [UInt8]) -> [UInt8] {
        let scan = jpeg.indices.first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xDA }!
        return Array(jpeg.prefix(scan + (jpeg.count - scan) / 3)) + [0xFF, 0xD9]
    }
}
