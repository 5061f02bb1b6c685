/// The data of the answer to "read text and photo" (30 01): the text length and the photo length
/// (two bytes each, big-endian), the text block, then the photo. Only the text is kept: the photo
/// (WLT, a proprietary compression) is never decoded, copied nor stored.
public enum SAMReadPayload {
    /// The text block of `data`.
    public static func textBlock(of data: [UInt8]) throws(IDCardReaderError) -> [UInt8] {
        guard data.count >= 4 else { throw .malformedAnswer("读卡应答过短（\(data.count) 字节）") }
        let textLength = Int(data[0]) << 8 | Int(data[1])
        let photoLength = Int(data[2]) << 8 | Int(data[3])
        guard textLength == IDCardTextBlock.length, 4 + textLength + photoLength <= data.count else {
            throw .malformedAnswer("读卡应答长度不符（文字 \(textLength)，照片 \(photoLength)，共 \(data.count) 字节）")
        }
        return Array(data[4..<(4 + textLength)])
    }

    /// The data a reader sends for `text` and a photo of `photoLength` bytes (the emulator's
    /// photo is filler, not an image).
    public static func encode(text: [UInt8], photoLength: Int = 1024) -> [UInt8] {
        let t = text.count, p = photoLength
        return [UInt8(t >> 8 & 0xFF), UInt8(t & 0xFF), UInt8(p >> 8 & 0xFF), UInt8(p & 0xFF)] + text
            + [UInt8](repeating: 0, count: p)
    }
}
