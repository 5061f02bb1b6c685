import CQREncode

/// The modules of a QR code symbol, encoded by libqrencode (`QRcode_encodeString`).
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side (21 for version 1, +4 per version).
    public let size: Int
    /// Row-major dark flags, `size * size` entries.
    public let modules: [Bool]

    /// Encodes `text` as 8-bit data with error-correction level M and the smallest version that fits.
    public init(encoding text: String) throws(DocumentError) {
        guard !text.isEmpty else { throw .invalidContent("QR 码内容为空") }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw .qrEncodingFailed(text.count)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        size = width
        // libqrencode: bit 0 of each byte is the module colour (1 = dark).
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    /// The dark runs of row `y` as (first column, length) pairs.
    func darkRuns(row y: Int) -> [(start: Int, length: Int)] {
        var runs: [(Int, Int)] = []
        var x = 0
        while x < size {
            guard isDark(x: x, y: y) else { x += 1; continue }
            let start = x
            while x < size, isDark(x: x, y: y) { x += 1 }
            runs.append((start, x - start))
        }
        return runs
    }
}
