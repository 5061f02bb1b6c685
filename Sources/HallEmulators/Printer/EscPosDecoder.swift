import HallPrinter

/// Parses an ESC/POS byte stream as a printer would, into ``PrintedReceipt``s and status
/// requests. Bytes may arrive in any chunking; incomplete commands wait for more bytes.
///
/// Understood: ESC @, ESC a, ESC E, ESC !, ESC d, LF, GS !, FS & / FS ., GB18030 text,
/// GS ( k (QR model, module size, error level, store, print), GS V, GS v 0, DLE EOT, GS a.
/// Other common commands are skipped by their length; unknown ones are counted.
public struct EscPosDecoder: Sendable {
    /// Whether print data is put on paper; while false (paper out, cover open) text,
    /// images and cuts are dropped but commands are still parsed and status answered.
    public var accepting = true
    /// The receipt being printed (not yet cut).
    public private(set) var current = PrintedReceipt()
    /// Commands skipped because they are not known.
    public private(set) var unknownCommandCount = 0

    private let chineseModeByDefault: Bool
    private var buffer: [UInt8] = []
    private var alignment: TextAlignment = .left
    private var bold = false
    private var size = CharacterSize.normal
    private var chineseMode: Bool
    private var qrModuleSize = 3
    private var qrErrorCorrection = QRErrorCorrection.low
    private var qrStored: [UInt8] = []
    private var runBytes: [UInt8] = []
    private var lineRuns: [PrintedRun] = []
    private var lineAlignment: TextAlignment?

    /// A decoder in power-on state.
    public init(chineseModeByDefault: Bool = false) {
        self.chineseModeByDefault = chineseModeByDefault
        self.chineseMode = chineseModeByDefault
    }

    /// Feeds bytes; returns the events they completed, in order.
    public mutating func feed(_ bytes: [UInt8]) -> [EscPosDecoderEvent] {
        buffer.append(contentsOf: bytes)
        var events: [EscPosDecoderEvent] = []
        var i = 0
        while i < buffer.count {
            guard let used = step(at: i, events: &events) else { break }
            i += used
        }
        buffer.removeFirst(i)
        return events
    }

    /// Drops the receipt in progress (e.g. the paper ran out mid-ticket).
    public mutating func discardCurrent() {
        runBytes.removeAll()
        lineRuns.removeAll()
        lineAlignment = nil
        current = PrintedReceipt()
    }

    // MARK: - Parsing

    /// Handles the command at `i`; returns the bytes used, or nil when more are needed.
    private mutating func step(at i: Int, events: inout [EscPosDecoderEvent]) -> Int? {
        let b = buffer[i]
        let left = buffer.count - i
        func byte(_ k: Int) -> UInt8 { buffer[i + k] }
        switch b {
        case 0x0A:
            finishLine()
            return 1
        case 0x10:
            guard left >= 3 else { return nil }
            if byte(1) == 0x04, let request = StatusRequest(rawValue: byte(2)) {
                events.append(.statusRequest(request))
                return 3
            }
            if byte(1) == 0x14 { guard left >= 5 else { return nil }; return 5 }
            return byte(1) == 0x05 || byte(1) == 0x04 ? 3 : 1
        case 0x1B:
            guard left >= 2 else { return nil }
            return escape(at: i, left: left)
        case 0x1C:
            guard left >= 2 else { return nil }
            switch byte(1) {
            case 0x26: setChinese(true); return 2
            case 0x2E: setChinese(false); return 2
            case 0x21, 0x2D, 0x57, 0x43: return left >= 3 ? 3 : nil
            case 0x53: return left >= 4 ? 4 : nil
            default: unknownCommandCount += 1; return 2
            }
        case 0x1D:
            guard left >= 2 else { return nil }
            return groupSeparator(at: i, left: left, events: &events)
        case 0x09:
            appendText(0x20)
            return 1
        case 0x00..<0x20, 0x7F:
            return 1
        default:
            appendText(b)
            return 1
        }
    }

    private mutating func escape(at i: Int, left: Int) -> Int? {
        let c = buffer[i + 1]
        let fixed: [UInt8: Int] = [
            0x2D: 3, 0x32: 2, 0x33: 3, 0x4D: 3, 0x74: 3, 0x52: 3, 0x70: 5, 0x63: 4,
            0x56: 3, 0x7B: 3, 0x55: 3, 0x20: 3, 0x24: 4, 0x72: 3, 0x42: 4, 0x47: 3,
            0x4A: 3, 0x5C: 4, 0x3D: 3, 0x25: 3, 0x53: 2, 0x4C: 2, 0x54: 3,
        ]
        switch c {
        case 0x40:
            flushRun()
            alignment = .left; bold = false; size = .normal; chineseMode = chineseModeByDefault
            qrModuleSize = 3; qrErrorCorrection = .low
            return 2
        case 0x61:
            guard left >= 3 else { return nil }
            alignment = TextAlignment(rawValue: buffer[i + 2] % 48) ?? .left
            return 3
        case 0x45:
            guard left >= 3 else { return nil }
            setBold(buffer[i + 2] & 1 == 1)
            return 3
        case 0x21:
            guard left >= 3 else { return nil }
            let n = buffer[i + 2]
            setBold(n & 0x08 != 0)
            setSize(CharacterSize(width: n & 0x20 != 0 ? 2 : 1, height: n & 0x10 != 0 ? 2 : 1))
            return 3
        case 0x64:
            guard left >= 3 else { return nil }
            feedLines(Int(buffer[i + 2]))
            return 3
        case 0x44:
            guard let end = buffer[(i + 2)...].firstIndex(of: 0) else { return nil }
            return end - i + 1
        default:
            if let n = fixed[c] { return left >= n ? n : nil }
            unknownCommandCount += 1
            return 2
        }
    }

    private mutating func groupSeparator(at i: Int, left: Int, events: inout [EscPosDecoderEvent]) -> Int? {
        let c = buffer[i + 1]
        switch c {
        case 0x21:
            guard left >= 3 else { return nil }
            setSize(CharacterSize(gsParameter: buffer[i + 2]))
            return 3
        case 0x56:
            guard left >= 3 else { return nil }
            let m = buffer[i + 2]
            let withFeed: Set<UInt8> = [65, 66, 97, 98, 103, 104]
            if withFeed.contains(m), left < 4 { return nil }
            let full: Set<UInt8> = [0, 48, 65, 97, 103]
            if let receipt = cutReceipt(full.contains(m) ? .full : .partial) { events.append(.receiptCut(receipt)) }
            return withFeed.contains(m) ? 4 : 3
        case 0x76:
            guard left >= 8 else { return nil }
            let xBytes = Int(buffer[i + 4]) | Int(buffer[i + 5]) << 8
            let height = Int(buffer[i + 6]) | Int(buffer[i + 7]) << 8
            let total = 8 + xBytes * height
            guard left >= total else { return nil }
            if buffer[i + 2] == 0x30 || buffer[i + 2] == 0,
                let bitmap = MonochromeBitmap(
                    width: xBytes * 8, height: height,
                    packed: Array(buffer[(i + 8)..<(i + total)]))
            {
                addElement(.image(PrintedImage(bitmap: bitmap, alignment: alignment)))
            }
            return total
        case 0x28:
            guard left >= 5 else { return nil }
            let length = Int(buffer[i + 3]) | Int(buffer[i + 4]) << 8
            guard left >= 5 + length else { return nil }
            if buffer[i + 2] == 0x6B, length >= 2 {
                symbolFunction(Array(buffer[(i + 5)..<(i + 5 + length)]))
            }
            return 5 + length
        case 0x61:
            guard left >= 3 else { return nil }
            events.append(.automaticStatusBack(AutomaticStatusItems(rawValue: buffer[i + 2])))
            return 3
        case 0x6B:
            guard left >= 3 else { return nil }
            let m = buffer[i + 2]
            if m <= 6 {
                guard let end = buffer[(i + 3)...].firstIndex(of: 0) else { return nil }
                return end - i + 1
            }
            guard left >= 4 else { return nil }
            let n = Int(buffer[i + 3])
            return left >= 4 + n ? 4 + n : nil
        case 0x42, 0x48, 0x68, 0x77, 0x66, 0x62, 0x49, 0x72, 0x54:
            return left >= 3 ? 3 : nil
        case 0x4C, 0x57, 0x50, 0x24, 0x5C:
            return left >= 4 ? 4 : nil
        case 0x3A:
            return 2
        default:
            unknownCommandCount += 1
            return 2
        }
    }

    /// GS ( k with cn = 49 (QR code); other symbologies are ignored.
    private mutating func symbolFunction(_ p: [UInt8]) {
        guard p[0] == 49 else { return }
        switch p[1] {
        case 67 where p.count >= 3: qrModuleSize = Int(p[2])
        case 69 where p.count >= 3: qrErrorCorrection = QRErrorCorrection(rawValue: p[2]) ?? .low
        case 80 where p.count >= 3: qrStored = Array(p[3...])
        case 81:
            let payload = String(decoding: qrStored, as: UTF8.self)
            addElement(
                .qrCode(
                    PrintedQRCode(
                        payload: payload, moduleSize: qrModuleSize,
                        errorCorrection: qrErrorCorrection, alignment: alignment)))
        default: break
        }
    }

    // MARK: - Building the receipt

    private mutating func appendText(_ b: UInt8) {
        guard accepting else { return }
        if lineAlignment == nil { lineAlignment = alignment }
        runBytes.append(b)
    }

    private mutating func setBold(_ on: Bool) {
        if on != bold { flushRun(); bold = on }
    }

    private mutating func setSize(_ s: CharacterSize) {
        if s != size { flushRun(); size = s }
    }

    private mutating func setChinese(_ on: Bool) {
        if on != chineseMode { flushRun(); chineseMode = on }
    }

    private mutating func flushRun() {
        guard !runBytes.isEmpty else { return }
        lineRuns.append(PrintedRun(text: decodeText(runBytes), bold: bold, size: size))
        runBytes.removeAll(keepingCapacity: true)
    }

    private func decodeText(_ bytes: [UInt8]) -> String {
        if chineseMode {
            return GB18030.decode(bytes) ?? String(repeating: "\u{FFFD}", count: max(bytes.count / 2, 1))
        }
        // Outside Chinese mode, bytes ≥ 0x80 are code-page glyphs (approximated by Latin-1).
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    private mutating func finishLine() {
        flushRun()
        guard accepting else { return }
        current.elements.append(.line(PrintedLine(alignment: lineAlignment ?? alignment, runs: lineRuns)))
        lineRuns.removeAll()
        lineAlignment = nil
    }

    private mutating func feedLines(_ n: Int) {
        let hadText = !runBytes.isEmpty || !lineRuns.isEmpty
        if hadText { finishLine() }
        guard accepting else { return }
        for _ in 0..<max(n - (hadText ? 1 : 0), 0) {
            current.elements.append(.line(PrintedLine(alignment: alignment, runs: [])))
        }
    }

    private mutating func addElement(_ element: PrintedReceipt.Element) {
        if !runBytes.isEmpty || !lineRuns.isEmpty { finishLine() }
        guard accepting else { return }
        current.elements.append(element)
    }

    private mutating func cutReceipt(_ mode: CutMode) -> PrintedReceipt? {
        if !runBytes.isEmpty || !lineRuns.isEmpty { finishLine() }
        guard accepting else { return nil }
        var receipt = current
        receipt.cut = mode
        current = PrintedReceipt()
        return receipt
    }
}
