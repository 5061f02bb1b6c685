import HallPrinter

/// Renders a ``PrintedReceipt`` as plain text: one line per printed line, justified with
/// spaces over the paper's columns; QR codes, images and the cut as bracketed notes.
public struct ReceiptTextRenderer: Sendable {
    /// Font-A columns of the paper.
    public var charactersPerLine: Int

    public init(charactersPerLine: Int = 48) {
        self.charactersPerLine = charactersPerLine
    }

    /// The text of `receipt`, ending with a newline.
    public func render(_ receipt: PrintedReceipt) -> String {
        var out: [String] = []
        for element in receipt.elements {
            switch element {
            case .line(let line):
                out.append(justify(line.text, columns: line.columns, alignment: line.alignment))
            case .qrCode(let qr):
                out.append(
                    justify(
                        "[二维码] \(qr.payload)", columns: GB18030.columns("[二维码] \(qr.payload)"),
                        alignment: qr.alignment))
            case .image(let image):
                let note = "[图像 \(image.bitmap.width)×\(image.bitmap.height)]"
                out.append(justify(note, columns: GB18030.columns(note), alignment: image.alignment))
            }
        }
        switch receipt.cut {
        case .full?: out.append("-------- 全切 --------")
        case .partial?: out.append("-------- 半切 --------")
        case .none?, nil: out.append("-------- 撕纸 --------")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func justify(_ text: String, columns: Int, alignment: TextAlignment) -> String {
        guard !text.isEmpty else { return "" }
        let free = max(charactersPerLine - columns, 0)
        let pad =
            switch alignment {
            case .left: 0
            case .center: free / 2
            case .right: free
            }
        return String(repeating: " ", count: pad) + text
    }
}
