import HallCore

/// Turns HallCore events into screen updates and spoken calls: `ticket.called` and
/// `ticket.recalled` show and announce the call at the event's window; `ticket.finished`,
/// `ticket.no_show` and `ticket.transferred` put that window back to its idle text.
/// Errors (no screen for a window) are reported to `onError`, never thrown into the event path.
public struct HallEventCallSink: HallEventSink {
    public let display: CallDisplayService?
    public let announcer: CallAnnouncer?
    /// Service id → name (社保医保), for templates using `{service}`.
    public let serviceName: @Sendable (String) -> String?
    public let onError: @Sendable (any Error) -> Void

    public init(
        display: CallDisplayService?, announcer: CallAnnouncer?,
        serviceName: @escaping @Sendable (String) -> String? = { _ in nil },
        onError: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.display = display
        self.announcer = announcer
        self.serviceName = serviceName
        self.onError = onError
    }

    /// The call an event describes, if it is a call or recall.
    public func call(from event: HallEvent) -> DisplayCall? {
        guard event.type == .ticketCalled || event.type == .ticketRecalled,
            let ticket = event.ticket, let window = event.window ?? ticket.windowNumber
        else { return nil }
        return DisplayCall(
            window: window, ticketNumber: ticket.number,
            serviceName: serviceName(ticket.serviceID) ?? "",
            isRecall: event.type == .ticketRecalled)
    }

    public func publish(_ events: [HallEvent]) {
        for event in events {
            if let call = call(from: event) {
                do { try display?.show(call) } catch { onError(error) }
                announcer?.announce(call)
            } else if [.ticketFinished, .ticketNoShow, .ticketTransferred].contains(event.type),
                let window = event.window, display?.driver.windows.contains(window) == true
            {
                do { try display?.showIdle(window: window) } catch { onError(error) }
            }
        }
    }
}
