import Foundation
import HallDisplay

/// The window screens and the spoken calls, as one event sink plus what the routes need.
public struct CallAnnouncements: Sendable {
    /// Shows calls on the LED screens and speaks them.
    public let sink: HallEventCallSink
    /// Produces the WAV for a phrase (served to the hall screen page).
    public let announcer: CallAnnouncer?
    /// The LED bus, if screens are configured.
    public let bus: SerialDisplayBus?
}
