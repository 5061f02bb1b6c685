/// Renders a line of text the printer cannot print itself (a script it has no font for) as a
/// 1-bit image.
public protocol TextRasterizer: Sendable {
    /// `text` at `pixelHeight` dots, no wider than `maxWidth` dots (made smaller when it would
    /// not fit); nil when nothing can be drawn.
    func bitmap(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap?

    /// `text` at `pixelHeight` dots, broken between words over as many lines as it takes to stay
    /// within `maxWidth` dots (a sentence on a receipt); nil when nothing can be drawn.
    func paragraph(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap?
}

extension TextRasterizer {
    /// One line, made smaller to fit, for a rasterizer that cannot break lines.
    public func paragraph(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap? {
        bitmap(text, pixelHeight: pixelHeight, maxWidth: maxWidth)
    }
}
