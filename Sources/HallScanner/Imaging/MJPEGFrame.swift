import Foundation

/// Motion-JPEG frames as USB document cameras send them, made into standalone JPEG files.
///
/// A UVC MJPEG frame is a JPEG that usually lacks the Huffman tables (the AVI convention: the
/// standard tables of ITU-T T.81 Annex K are implied) and may carry padding after its end marker,
/// or be cut short when a USB transfer was lost. `file(from:)` keeps a frame only when it is whole,
/// inserts the standard tables where none are given, and drops what follows the end marker.
enum MJPEGFrame {
    /// A frame that is a complete JPEG, as a file: the bytes to store and its size.
    struct Checked: Equatable {
        let jpeg: Data
        let width: Int
        let height: Int
    }

    /// The frame as a standalone JPEG file, fully decoded once to prove it is intact; nil when it is
    /// truncated, damaged or not a JPEG (the camera's next frame should be used instead).
    static func file(from frame: [UInt8]) -> Checked? {
        guard let jpeg = normalize(frame), let size = try? JPEGCodec.validate(jpeg) else { return nil }
        return Checked(jpeg: jpeg, width: size.width, height: size.height)
    }

    /// Structure only: SOI, marker segments up to the first SOS (inserting the standard DHT before it
    /// when no DHT came earlier), the entropy-coded data, EOI; nil when a part is missing.
    static func normalize(_ frame: [UInt8]) -> Data? {
        guard frame.count > 4, frame[0] == 0xFF, frame[1] == 0xD8 else { return nil }
        var position = 2
        var hasTables = false
        var scanStart: Int?
        while position + 4 <= frame.count {
            guard frame[position] == 0xFF else { return nil }
            var marker = frame[position + 1]
            while marker == 0xFF, position + 2 < frame.count {  // fill bytes
                position += 1
                marker = frame[position + 1]
            }
            if marker == 0xD9 { return nil }  // EOI before any scan
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                position += 2
                continue
            }
            guard position + 4 <= frame.count else { return nil }
            let length = Int(frame[position + 2]) << 8 | Int(frame[position + 3])
            guard length >= 2, position + 2 + length <= frame.count else { return nil }
            if marker == 0xC4 { hasTables = true }
            if marker == 0xDA {
                scanStart = position
                break
            }
            position += 2 + length
        }
        guard let scanStart, let end = endOfImage(frame, from: scanStart + 2) else { return nil }
        var file = Data(frame[0..<scanStart])
        if !hasTables { file.append(standardTables) }
        file.append(contentsOf: frame[scanStart..<end])
        return file
    }

    /// The index just past the first EOI at or after `start` (inside entropy-coded data 0xFF is
    /// always followed by 0x00 or a restart marker, so the first FF D9 is the end).
    private static func endOfImage(_ frame: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < frame.count {
            if frame[index] == 0xFF, frame[index + 1] == 0xD9 { return index + 2 }
            index += 1
        }
        return nil
    }

    /// The DHT segments of the standard tables (ITU-T T.81 Annex K.3: DC and AC, luminance and
    /// chrominance), taken from a JPEG that libjpeg-turbo encodes with its default tables, which
    /// are exactly those.
    static let standardTables: Data = {
        let pixels = Data((0..<(16 * 16 * 3)).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        guard let reference = try? JPEGCodec.encode(ScannedPage(width: 16, height: 16, format: .rgb8, bytes: pixels)) else {
            return Data()
        }
        return segments(0xC4, in: [UInt8](reference))
    }()

    /// Every marker segment of type `marker` before the first SOS, concatenated.
    static func segments(_ marker: UInt8, in jpeg: [UInt8]) -> Data {
        var found = Data()
        var position = 2
        while position + 4 <= jpeg.count, jpeg[position] == 0xFF, jpeg[position + 1] != 0xDA {
            let length = Int(jpeg[position + 2]) << 8 | Int(jpeg[position + 3])
            guard position + 2 + length <= jpeg.count else { break }
            if jpeg[position + 1] == marker { found.append(contentsOf: jpeg[position..<(position + 2 + length)]) }
            position += 2 + length
        }
        return found
    }
}
