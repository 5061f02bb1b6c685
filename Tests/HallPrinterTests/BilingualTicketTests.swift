import Foundation
import HallEmulators
import HallPrinter
import HallTestSupport
import Testing

/// Tickets in two scripts: the Chinese in the printer's font, the Mongolian drawn with Pango and
/// sent as raster images beside each line; Chinese-only tickets exactly as before.
@Suite("Bilingual tickets")
struct BilingualTicketTests {
    static let profiles: [PrinterProfile] = [.generic80mm, .generic58mm]

    /// The Mongolian wording as the catalog ships it (data/i18n/mn.json).
    static func mongolian() throws -> TicketWording {
        let data = try Data(contentsOf: PackagePaths.url("data/i18n/mn.json"))
        let entries = try JSONDecoder().decode([String: [String: AnyCodableText]].self, from: data)
        func text(_ key: String) throws -> String { try #require(entries[key]?["text"]?.text, "\(key)") }
        return TicketWording(
            yourNumber: try text("ticket.yourNumber"), peopleAhead: try text("ticket.peopleAhead"),
            noOneAhead: try text("ticket.noOneAhead"), estimatedWait: try text("ticket.estimatedWait"),
            issuedAt: try text("ticket.issuedAt"), scanForProgress: try text("ticket.scanForProgress"),
            courtesy: try text("ticket.courtesy"))
    }

    @Test("a Chinese-only ticket's bytes are those printed before Mongolian came", arguments: profiles)
    func chineseBytesUnchanged(profile: PrinterProfile) throws {
        let recorded = try Data(contentsOf: PackagePaths.url("Tests/HallPrinterTests/Fixtures/ticket-zh-\(profile.id).escpos"))
        #expect(try TicketLayout().encode(Fixtures.slip(), for: profile) == [UInt8](recorded))
        var explicit = Fixtures.slip()
        explicit.wording = .chinese
        #expect(try TicketLayout().encode(explicit, for: profile) == [UInt8](recorded))
    }

    @Test("Mongolian first: an image above each Chinese line, within the paper, the PNG kept", arguments: profiles)
    func mongolianLinesAsImages(profile: PrinterProfile) throws {
        var slip = Fixtures.slip()
        slip.secondScript = SecondScript(wording: try Self.mongolian(), first: true)
        let bytes = try TicketLayout().encode(slip, for: profile)
        let (receipts, rest) = Fixtures.decode(bytes)
        let receipt = try #require(profile.cutter == .none ? rest : receipts.first)
        // Six fixed lines have a Mongolian twin (people ahead, not "no one ahead"); the names
        // have none in this slip.
        #expect(receipt.images.count == 6)
        for image in receipt.images {
            #expect(image.bitmap.width <= profile.printableDots)
            #expect(image.bitmap.height >= 20 && image.bitmap.height <= 60)
            #expect(image.bitmap.blackPixelCount > 100)
        }
        // Each Chinese fixed line comes right after its image.
        for chinese in ["您的号码", "前面还有 3 人等候", "预计等候约 12 分钟", "取号时间：2025-03-14 09:05", "扫码查看排队进度"] {
            let index = try #require(receipt.elements.firstIndex { if case .line(let l) = $0 { l.text == chinese } else { false } })
            guard case .image = receipt.elements[index - 1] else {
                Issue.record("\(profile.id): no image before '\(chinese)'")
                continue
            }
        }
        let png = PackagePaths.url("artifacts/screenshots/ticket-mn-zh-\(profile.id).png")
        try FileManager.default.createDirectory(at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ReceiptRenderer(widthDots: profile.printableDots).writePNG(receipt, to: png)
        #expect(FileManager.default.fileExists(atPath: png.path))
    }

    @Test("Chinese first: the images follow their lines")
    func chineseFirst() throws {
        var slip = Fixtures.slip()
        slip.secondScript = SecondScript(wording: try Self.mongolian(), first: false)
        let receipt = try #require(Fixtures.decode(try TicketLayout().encode(slip, for: .generic80mm)).receipts.first)
        let index = try #require(receipt.elements.firstIndex { if case .line(let l) = $0 { l.text == "您的号码" } else { false } })
        guard case .image = receipt.elements[index + 1] else {
            Issue.record("no image after 您的号码")
            return
        }
    }

    @Test("every Mongolian string of the catalog shapes in Noto Sans Mongolian without a missing glyph")
    func everyStringHasItsGlyphs() throws {
        let rasterizer = PangoTextRasterizer()
        let data = try Data(contentsOf: PackagePaths.url("data/i18n/mn.json"))
        let entries = try JSONDecoder().decode([String: [String: AnyCodableText]].self, from: data)
        #expect(!entries.isEmpty)
        for (key, entry) in entries {
            let text = try #require(entry["text"]?.text)
            #expect(rasterizer.missingGlyphs(text) == 0, "\(key)")
        }
        // The check can fail: a private-use character has no glyph anywhere.
        #expect((rasterizer.missingGlyphs("\u{E000}\u{E001}") ?? 0) > 0)
    }

    @Test("a line too long for the paper is drawn smaller, never wider than the paper")
    func longLinesShrink() throws {
        let long = String(repeating: try Self.mongolian().courtesy + " ", count: 3)
        let image = try #require(PangoTextRasterizer().bitmap(long, pixelHeight: 28, maxWidth: 384))
        #expect(image.width <= 384)
    }
}

/// A catalog entry's members: the text, or the review mark (read and ignored here).
private struct AnyCodableText: Decodable {
    let text: String?
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        text = try? container.decode(String.self)
    }
}
