import Foundation
import HallTestSupport
import Testing

/// A scratch directory removed when the value goes away.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hall-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Reads a PDF back with poppler's tools.
struct PDFReadBack {
    let pdf: URL

    init(data: Data, in scratch: ScratchDirectory, name: String = "doc.pdf") throws {
        pdf = scratch.file(name)
        try data.write(to: pdf)
        Self.keepPreview(data, name: name)
    }

    /// With `HALL_DOCUMENT_PREVIEW_DIR` set, the rendered documents are also written there for
    /// a person to look at.
    static func keepPreview(_ data: Data, name: String) {
        guard let dir = ProcessInfo.processInfo.environment["HALL_DOCUMENT_PREVIEW_DIR"] else { return }
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }

    init(file: URL) {
        pdf = file
    }

    /// The text pdftotext extracts, with all whitespace removed (wrapping splits words anywhere).
    func compactText() throws -> String {
        let result = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"])
        #expect(result.status == 0)
        return result.output.filter { !$0.isWhitespace }
    }

    /// The lines of one page as `pdftotext -layout` sets them, each with its whitespace removed:
    /// a phrase found within one line was not wrapped.
    func lines(page: Int) throws -> [String] {
        let result = try ExternalTool.run(
            "pdftotext", ["-layout", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        #expect(result.status == 0)
        return result.output.split(separator: "\n").map { String($0.filter { !$0.isWhitespace }) }
    }

    /// The page count pdfinfo reports.
    func pageCount() throws -> Int? {
        let result = try ExternalTool.run("pdfinfo", [pdf.path])
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The QR payloads zbarimg decodes from every page rendered at 150 dpi.
    func qrPayloads() throws -> [String] { try pdfQRCodes(file: pdf) }
}
