/// How a queue ticket is laid out; encodes a ``TicketSlip`` for a printer profile.
public struct TicketLayout: Sendable, Hashable, Codable {
    /// The parts of a ticket, printed in the order given by ``blocks``.
    public enum Block: String, Sendable, Codable, CaseIterable {
        case logo, header, centerName, serviceName, number, peopleAhead, estimatedWait,
            issuedAt, qrCode, courtesy, footer
    }

    /// Which blocks to print, in order.
    public var blocks: [Block]
    /// Preferred width/height multiplier of the ticket number (reduced if it would not fit).
    public var numberMultiplier: Int
    /// Extra lines printed by the `header` block (e.g. a welcome line).
    public var headerLines: [String]
    /// Extra lines printed by the `footer` block.
    public var footerLines: [String]
    /// QR module size in dots; nil picks 6 on 80 mm and 5 on 58 mm.
    public var qrModuleSize: Int?
    /// QR error correction.
    public var qrErrorCorrection: QRErrorCorrection
    /// Optional raster logo for the `logo` block.
    public var logo: MonochromeBitmap?
    /// Lines fed before the cut.
    public var feedLinesBeforeCut: Int

    /// The default layout: every block, number at 4× (or less on narrow paper).
    public init(
        blocks: [Block] = [
            .logo, .header, .centerName, .serviceName, .number, .peopleAhead,
            .estimatedWait, .issuedAt, .qrCode, .courtesy, .footer,
        ],
        numberMultiplier: Int = 4, headerLines: [String] = [], footerLines: [String] = [],
        qrModuleSize: Int? = nil, qrErrorCorrection: QRErrorCorrection = .medium,
        logo: MonochromeBitmap? = nil, feedLinesBeforeCut: Int = 3
    ) {
        self.blocks = blocks
        self.numberMultiplier = numberMultiplier
        self.headerLines = headerLines
        self.footerLines = footerLines
        self.qrModuleSize = qrModuleSize
        self.qrErrorCorrection = qrErrorCorrection
        self.logo = logo
        self.feedLinesBeforeCut = feedLinesBeforeCut
    }

    /// The ESC/POS bytes of `slip` for `profile`: initialised, centred, every line within
    /// the profile's columns, QR code of the status URL, fed and cut. A second script's lines
    /// are drawn by `rasterizer` (28 dots high) and sent as raster images.
    public func encode(
        _ slip: TicketSlip, for profile: PrinterProfile, rasterizer: any TextRasterizer = PangoTextRasterizer()
    ) throws(EscPosError) -> [UInt8] {
        var w = DocumentWriter(profile: profile)
        let cpl = profile.charactersPerLine
        let zh = slip.wording ?? .chinese
        let second = slip.secondScript
        /// The second script's line of a Chinese line: written now when it comes first, else
        /// returned for ``after``.
        func before(_ text: String?) throws(EscPosError) -> MonochromeBitmap? {
            guard let second else { return nil }
            return try w.twinBefore(text, first: second.first, rasterizer: rasterizer)
        }
        func after(_ image: MonochromeBitmap?) throws(EscPosError) { try w.twinAfter(image) }
        func fill(_ text: String?, _ name: String, _ value: String) -> String? {
            text.map { TicketWording.fill($0, name, value) }
        }
        for block in blocks {
            switch block {
            case .logo:
                if let logo { try w.image(logo) }
            case .header:
                for line in headerLines { try w.lines(line) }
            case .centerName:
                let m = LineFitter.largestFittingMultiplier(for: slip.centerName, columns: cpl, preferred: 2)
                let later = try before(second?.centerName)
                try w.lines(slip.centerName, size: CharacterSize(width: m, height: m), bold: true)
                try after(later)
            case .serviceName:
                let m = LineFitter.largestFittingMultiplier(for: slip.serviceName, columns: cpl, preferred: 2)
                let later = try before(second?.serviceName)
                try w.lines(slip.serviceName, size: CharacterSize(width: m, height: m))
                try after(later)
            case .number:
                let later = try before(second?.wording.yourNumber)
                try w.lines(zh.yourNumber)
                try after(later)
                let m = LineFitter.largestFittingMultiplier(
                    for: slip.number, columns: cpl,
                    preferred: numberMultiplier)
                try w.lines(slip.number, size: CharacterSize(width: m, height: m), bold: true)
            case .peopleAhead:
                let count = String(slip.peopleAhead)
                let other = slip.peopleAhead > 0 ? fill(second?.wording.peopleAhead, "count", count) : second?.wording.noOneAhead
                let later = try before(other)
                try w.lines(slip.peopleAhead > 0 ? TicketWording.fill(zh.peopleAhead, "count", count) : zh.noOneAhead)
                try after(later)
            case .estimatedWait:
                if let minutes = slip.estimatedWaitMinutes {
                    let value = String(max(minutes, 1))
                    let later = try before(fill(second?.wording.estimatedWait, "minutes", value))
                    try w.lines(TicketWording.fill(zh.estimatedWait, "minutes", value))
                    try after(later)
                }
            case .issuedAt:
                let later = try before(fill(second?.wording.issuedAt, "time", slip.issuedAt))
                try w.lines(TicketWording.fill(zh.issuedAt, "time", slip.issuedAt))
                try after(later)
            case .qrCode:
                try w.qrCode(slip.statusURL, moduleSize: qrModuleSize, errorCorrection: qrErrorCorrection)
                let later = try before(second?.wording.scanForProgress)
                try w.lines(zh.scanForProgress)
                try after(later)
            case .courtesy:
                // Too long for one line: break at the commas rather than mid-phrase.
                let parts =
                    GB18030.columns(slip.courtesyLine) > cpl
                    ? slip.courtesyLine.split(separator: "，").map(String.init) : [slip.courtesyLine]
                let later = try before(second?.wording.courtesy)
                for (i, part) in parts.enumerated() { try w.lines(i < parts.count - 1 ? part + "，" : part) }
                try after(later)
            case .footer:
                for line in footerLines { try w.lines(line) }
            }
        }
        return w.finish(feedLines: feedLinesBeforeCut)
    }
}
