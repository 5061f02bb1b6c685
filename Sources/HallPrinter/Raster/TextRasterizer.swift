/// Renders a line of text the printer cannot print itself (a script it has no font for) as a
/// 1-bit image.
public protocol TextRasterizer: Sendable {
    /// `text` at `pixelHeight` dots, no wider than `maxWidth` dots (made smaller when it would
    /// not fit); nil when nothing can be drawn.
    func bitmap(_ text: String, pixelHeight: Int, maxWidth: Int) -> MonochromeBitmap?
}
