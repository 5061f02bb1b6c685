import Foundation
import HallEmulators
import HallPrinter
import HallTestSupport
import Testing

/// Receipts in two scripts: each fixed line's Mongolian twin drawn with Pango (as a ticket's) and
/// sent as a raster image above its Chinese line; sentences broken over lines within the paper.
@Suite("Bilingual receipts")
struct BilingualReceiptTests {
    static let profiles: [PrinterProfile] = [.generic80mm, .generic58mm]

    /// A wait slip's lines with their twins from the shipped Mongolian catalog.
    static func receipt(first: Bool) throws -> ReceiptDocument {
        let data = try Data(contentsOf: PackagePaths.url("data/i18n/mn.json"))
        let mn = try JSONDecoder().decode([String: Entry].self, from: data)
        func twin(_ key: String) throws -> String { try #require(mn[key]?.text, "\(key)") }
        let twins = [
            "等候告知单": try twin("slip.title"), "号码": try twin("slip.number"), "预计等候": try twin("slip.estimatedWait"),
            "预计在下班后叫到您，工作人员将继续为您办理（延时服务）。": try twin("slip.afterClosing"),
            "延时服务不收取任何费用。": try twin("slip.free"),
        ]
        return ReceiptDocument(
            title: "等候告知单", subtitleLines: ["乌兰陶勒盖镇便民服务中心"],
            fields: [.init("号码", "C003"), .init("预计等候", "约 95 分钟")], qrPayload: "https://hall.example/t/?id=3",
            footerLines: ["预计在下班后叫到您，工作人员将继续为您办理（延时服务）。", "延时服务不收取任何费用。"],
            secondScript: ReceiptSecondScript(twins: twins, first: first))
    }

    @Test("Mongolian first: an image above each fixed line, within the paper; a long sentence wraps", arguments: profiles)
    func mongolianFirst(profile: PrinterProfile) throws {
        let bytes = try ReceiptLayout().encode(try Self.receipt(first: true), for: profile)
        let (receipts, rest) = Fixtures.decode(bytes)
        let receipt = try #require(profile.cutter == .none ? rest : receipts.first)
        #expect(receipt.images.count == 5)
        for image in receipt.images {
            #expect(image.bitmap.width <= profile.printableDots && image.bitmap.blackPixelCount > 100)
        }
        for chinese in ["等候告知单", "号码", "预计等候", "预计在下班后叫到您", "延时服务不收取任何费用。"] {
            let index = try #require(receipt.elements.firstIndex { if case .line(let l) = $0 { l.text.hasPrefix(chinese) } else { false } })
            guard index > 0, case .image(let image) = receipt.elements[index - 1] else {
                Issue.record("\(profile.id): no image above '\(chinese)'")
                continue
            }
            // A field's twin stands at the left above its key, as the key does.
            #expect(image.alignment == (["号码", "预计等候"].contains(chinese) ? .left : .center))
        }
        // The after-closing sentence is too long for one line of Mongolian: broken, not shrunk or cut.
        let sentence = try #require(receipt.images.first { $0.bitmap.height > 40 })
        #expect(sentence.bitmap.width <= profile.printableDots)
        #expect(receipt.lines.allSatisfy { $0.columns <= profile.charactersPerLine })
        let png = PackagePaths.url("artifacts/screenshots/slip-mn-zh-\(profile.id).png")
        try FileManager.default.createDirectory(at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ReceiptRenderer(widthDots: profile.printableDots).writePNG(receipt, to: png)
    }

    @Test("Chinese first: the images follow their lines; without twins the bytes are the Chinese receipt's")
    func chineseFirstAndNone() throws {
        let receipt = try #require(Fixtures.decode(try ReceiptLayout().encode(try Self.receipt(first: false), for: .generic80mm)).receipts.first)
        let index = try #require(receipt.elements.firstIndex { if case .line(let l) = $0 { l.text == "等候告知单" } else { false } })
        guard case .image = receipt.elements[index + 1] else {
            Issue.record("no image after 等候告知单")
            return
        }
        var plain = try Self.receipt(first: true)
        plain.secondScript = nil
        let chinese = try ReceiptLayout().encode(plain, for: .generic80mm)
        plain.secondScript = ReceiptSecondScript(twins: [:])
        #expect(try ReceiptLayout().encode(plain, for: .generic80mm) == chinese)
        #expect(Fixtures.decode(chinese).receipts.first?.images.isEmpty == true)
    }

    @Test("a paragraph is broken between words within the width, at the line's full height")
    func paragraphWraps() throws {
        let text = String(repeating: "ᠡᠮᠦᠨ᠎ᠡ ᠬᠦᠯᠢᠶᠡᠭᠴᠢ ", count: 8)
        let one = try #require(PangoTextRasterizer().bitmap(text, pixelHeight: 28, maxWidth: 10_000))
        let wrapped = try #require(PangoTextRasterizer().paragraph(text, pixelHeight: 28, maxWidth: 384))
        #expect(one.width > 384 && wrapped.width <= 384)
        #expect(wrapped.height >= 2 * one.height)
    }

    private struct Entry: Decodable { var text: String }
}
