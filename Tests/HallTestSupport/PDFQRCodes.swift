import Foundation
import Testing

/// The QR payloads zbarimg decodes from every page of the PDF at `file`, rendered at 150 dpi by
/// poppler's `pdftoppm` (the pages land next to the file).
public func pdfQRCodes(file: URL) throws -> [String] {
    let prefix = file.deletingPathExtension().path + "-page"
    let render = try ExternalTool.run("pdftoppm", ["-r", "150", "-png", file.path, prefix])
    #expect(render.status == 0)
    let directory = file.deletingLastPathComponent()
    let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasPrefix(file.deletingPathExtension().lastPathComponent + "-page") && $0.hasSuffix(".png") }
        .sorted()
    #expect(!pages.isEmpty)
    let result = try ExternalTool.run("zbarimg", ["--quiet", "--raw", "-Sqrcode.enable"] + pages.map { directory.appendingPathComponent($0).path })
    return result.output.split(separator: "\n").map(String.init)
}

/// The QR payloads of a PDF's pages (see `pdfQRCodes(file:)`).
public func pdfQRCodes(_ data: Data) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("document.pdf")
    try data.write(to: file)
    return try pdfQRCodes(file: file)
}
