/// Drives the window screens. Every method only validates and queues: none waits for a screen,
/// so a silent or unplugged screen never holds up a call. Validation errors (no screen for the
/// window, text too long, brightness out of range) are thrown at once.
public protocol DisplayDriver: Sendable {
    /// Shows a call text (already formatted, e.g. 请A012号到3号窗口) on the screen of `window`.
    func showCall(_ text: String, window: Int) throws(DisplayError)
    /// Shows the text between calls on the screen of `window`.
    func showIdleText(_ text: String, window: Int) throws(DisplayError)
    /// Shows an image (a call when `call`) on the screen of `window`; refused when the screens'
    /// profile draws text only (`imagePixels` nil).
    func showImage(_ image: DisplayBitmap, call: Bool, window: Int) throws(DisplayError)
    /// The size of the images the screens take, or nil when they draw text only.
    var imagePixels: DisplayProfile.Pixels? { get }
    /// Sets the brightness 0…15 of the screen of `window`.
    func setBrightness(_ level: Int, window: Int) throws(DisplayError)
    /// Blanks the screen of `window`.
    func clear(window: Int) throws(DisplayError)
    /// Windows that have a screen.
    var windows: [Int] { get }
    /// What every screen is doing.
    func status() -> DisplayStatus
}
