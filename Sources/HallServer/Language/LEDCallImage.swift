import HallCore
import HallDisplay
import HallPrinter

/// A call drawn for the window screens of a bilingual hall, whose controllers have no Mongolian
/// font: the Mongolian line (catalog key `led.call`) and the screens' Chinese call text, each on
/// half of the screen's height, in the order of `center.languages`, drawn with Pango (HarfBuzz
/// shapes the Mongolian) and sent as one image. A Chinese-only hall draws nothing: its screens
/// get the call as text, as before.
struct LEDCallImage: Sendable {
    let wording: ResidentWording
    private let mongolian = PangoTextRasterizer(family: "Noto Sans Mongolian")
    private let chinese = PangoTextRasterizer(family: "Noto Sans CJK SC")

    init(wording: ResidentWording) {
        self.wording = wording
    }

    /// The image of `call` for a screen of `pixels`, or nil in a Chinese-only hall.
    func image(_ call: DisplayCall, chineseText: String, pixels: DisplayProfile.Pixels) -> DisplayBitmap? {
        guard let language = wording.languages.others.first,
            let text = wording.catalog(language)?.text("led.call", ["number": call.ticketNumber, "window": String(call.window)])
        else { return nil }
        let half = pixels.height / 2
        guard half > 0, let second = mongolian.bitmap(text, pixelHeight: half, maxWidth: pixels.width),
            let first = chinese.bitmap(chineseText, pixelHeight: half, maxWidth: pixels.width)
        else { return nil }
        let lines = wording.languages.precedesChinese(language) ? [second, first] : [first, second]
        var canvas = MonochromeBitmap(width: pixels.width, height: pixels.height)
        for (index, line) in lines.enumerated() {
            // Each line centred in its half.
            let left = max(0, (pixels.width - line.width) / 2), top = index * half + max(0, (half - line.height) / 2)
            for y in 0..<min(line.height, half) {
                for x in 0..<min(line.width, pixels.width) where line[x, y] { canvas[left + x, top + y] = true }
            }
        }
        return DisplayBitmap(width: canvas.width, height: canvas.height, packed: canvas.packed)
    }
}
