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
    /// the profile's columns, QR code of the status URL, fed and cut.
    public func encode(_ slip: TicketSlip, for profile: PrinterProfile) throws(EscPosError) -> [UInt8] {
        var w = DocumentWriter(profile: profile)
        let cpl = profile.charactersPerLine
        for block in blocks {
            switch block {
            case .logo:
                if let logo { try w.image(logo) }
            case .header:
                for line in headerLines { try w.lines(line) }
            case .centerName:
                let m = LineFitter.largestFittingMultiplier(for: slip.centerName, columns: cpl, preferred: 2)
                try w.lines(slip.centerName, size: CharacterSize(width: m, height: m), bold: true)
            case .serviceName:
                let m = LineFitter.largestFittingMultiplier(for: slip.serviceName, columns: cpl, preferred: 2)
                try w.lines(slip.serviceName, size: CharacterSize(width: m, height: m))
            case .number:
                try w.lines("您的号码")
                let m = LineFitter.largestFittingMultiplier(
                    for: slip.number, columns: cpl,
                    preferred: numberMultiplier)
                try w.lines(slip.number, size: CharacterSize(width: m, height: m), bold: true)
            case .peopleAhead:
                try w.lines(slip.peopleAhead > 0 ? "前面还有 \(slip.peopleAhead) 人等候" : "前面没有人等候，请留意叫号")
            case .estimatedWait:
                if let minutes = slip.estimatedWaitMinutes {
                    try w.lines("预计等候约 \(max(minutes, 1)) 分钟")
                }
            case .issuedAt:
                try w.lines("取号时间：\(slip.issuedAt)")
            case .qrCode:
                try w.qrCode(slip.statusURL, moduleSize: qrModuleSize, errorCorrection: qrErrorCorrection)
                try w.lines("扫码查看排队进度")
            case .courtesy:
                // Too long for one line: break at the commas rather than mid-phrase.
                let parts =
                    GB18030.columns(slip.courtesyLine) > cpl
                    ? slip.courtesyLine.split(separator: "，").map(String.init) : [slip.courtesyLine]
                for (i, part) in parts.enumerated() { try w.lines(i < parts.count - 1 ? part + "，" : part) }
            case .footer:
                for line in footerLines { try w.lines(line) }
            }
        }
        return w.finish(feedLines: feedLinesBeforeCut)
    }
}
