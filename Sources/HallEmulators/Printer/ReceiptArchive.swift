import Foundation

/// Saves each printed receipt as `NNNN.png` and `NNNN.txt` in a directory.
public final class ReceiptArchive: @unchecked Sendable {
    /// Where the files go.
    public let directory: URL
    private let renderer: ReceiptRenderer
    private let textRenderer: ReceiptTextRenderer
    private let lock = NSLock()
    private var next: Int

    /// Creates the directory if needed; numbering continues after existing files.
    public init(directory: URL, widthDots: Int = 576, charactersPerLine: Int = 48) throws(EmulatorError) {
        self.directory = directory
        self.renderer = ReceiptRenderer(widthDots: widthDots)
        self.textRenderer = ReceiptTextRenderer(charactersPerLine: charactersPerLine)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .output("\(directory.path): \(error)")
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        next = (existing.compactMap { Int($0.split(separator: ".").first ?? "") }.max() ?? 0) + 1
    }

    /// Writes the PNG and text of `receipt`; returns the two files.
    @discardableResult
    public func save(_ receipt: PrintedReceipt) throws(EmulatorError) -> (png: URL, text: URL) {
        let number = lock.withLock { () -> Int in
            defer { next += 1 }; return next
        }
        let digits = String(number)
        let base = String(repeating: "0", count: max(4 - digits.count, 0)) + digits
        let png = directory.appendingPathComponent(base + ".png")
        let text = directory.appendingPathComponent(base + ".txt")
        try renderer.writePNG(receipt, to: png)
        do {
            try textRenderer.render(receipt).write(to: text, atomically: true, encoding: .utf8)
        } catch {
            throw .output("\(text.path): \(error)")
        }
        return (png, text)
    }
}
