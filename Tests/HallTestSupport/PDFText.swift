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
    let tool = "/usr/bin/pdftotext"
    try #require(FileManager.default.isExecutableFile(atPath: tool), "pdftotext (poppler-utils) is not installed")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-enc", "UTF-8", file.path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
}
