import Foundation
import Testing

// Shared by the server and browser tests: notices are checked by the text poppler extracts.

/// Reads a PDF's text back with poppler's `pdftotext` (whitespace removed: wrapping splits words).
public func pdfText(_ data: Data) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("hall-notice-\(UUID().uuidString).pdf")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try pdfText(file: file)
}

public func pdfText(file: URL) throws -> String {
    let result = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
    #expect(result.status == 0)
    return result.output.filter { !$0.isWhitespace }
}
