/// Routes calls to the screen of the calling window, formatted with a configurable template.
public struct CallDisplayService: Sendable {
    public let driver: any DisplayDriver
    public var callTemplate: CallTextTemplate
    public var idleTemplate: CallTextTemplate
    /// Draws a call as an image of the screens' size (the call text as the template renders it is
    /// given too), for a hall whose second script the controllers have no font for; nil: text only.
    public var callImage: (@Sendable (DisplayCall, String, DisplayProfile.Pixels) -> DisplayBitmap?)?

    public init(
        driver: any DisplayDriver, callTemplate: CallTextTemplate = .screenCall,
        idleTemplate: CallTextTemplate = .screenIdle,
        callImage: (@Sendable (DisplayCall, String, DisplayProfile.Pixels) -> DisplayBitmap?)? = nil
    ) {
        self.driver = driver
        self.callTemplate = callTemplate
        self.idleTemplate = idleTemplate
        self.callImage = callImage
    }

    /// Queues the call on the screen of `call.window` (returns at once): as an image when the hall
    /// draws its calls and the screens take images, as text otherwise.
    public func show(_ call: DisplayCall) throws(DisplayError) {
        let text = callTemplate.render(call)
        if let pixels = driver.imagePixels, let image = callImage?(call, text, pixels) {
            try driver.showImage(image, call: true, window: call.window)
        } else {
            try driver.showCall(text, window: call.window)
        }
    }

    /// Queues the idle text on the screen of `window`.
    public func showIdle(window: Int) throws(DisplayError) {
        try driver.showIdleText(idleTemplate.render(number: "", window: String(window), service: ""), window: window)
    }

    /// Queues the idle text on every screen.
    public func showIdleEverywhere() {
        for window in driver.windows { try? showIdle(window: window) }
    }

    public func status() -> DisplayStatus { driver.status() }
}
