/// Routes calls to the screen of the calling window, formatted with a configurable template.
public struct CallDisplayService: Sendable {
    public let driver: any DisplayDriver
    public var callTemplate: CallTextTemplate
    public var idleTemplate: CallTextTemplate

    public init(
        driver: any DisplayDriver, callTemplate: CallTextTemplate = .screenCall,
        idleTemplate: CallTextTemplate = .screenIdle
    ) {
        self.driver = driver
        self.callTemplate = callTemplate
        self.idleTemplate = idleTemplate
    }

    /// Queues the call text on the screen of `call.window` (returns at once).
    public func show(_ call: DisplayCall) throws(DisplayError) {
        try driver.showCall(callTemplate.render(call), window: call.window)
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
