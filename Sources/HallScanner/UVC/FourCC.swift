/// V4L2 four-character codes (`v4l2_fourcc`).
enum FourCC {
    /// The little-endian code of a four-letter name such as `YUYV` or `MJPG`.
    static func code(_ name: String) -> UInt32 {
        name.utf8.prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    /// The four letters of a code.
    static func name(_ code: UInt32) -> String {
        String(decoding: (0..<4).map { UInt8((code >> (8 * $0)) & 0xFF) }, as: UTF8.self)
    }
}
