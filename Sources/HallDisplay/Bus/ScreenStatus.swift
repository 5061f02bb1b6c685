import Foundation

/// How one window screen is doing, as reported on /healthz and the console.
public struct ScreenStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Nothing sent yet.
        case unknown
        /// Answered its last command.
        case responding
        /// Its profile expects no answers: the last command was written, not confirmed.
        case unconfirmed
        /// Did not answer (or refused) all attempts of its last command.
        case notResponding = "not_responding"
    }

    public var window: Int
    public var address: Int
    public var state: State
    /// What the screen shows as far as we know (last confirmed or, without answers, last written).
    public var text: String?
    public var brightness: Int?
    /// Why the last command failed, if it did.
    public var lastError: String?
    public var lastAnswerAt: Date?
    /// Attempts that got no answer or a refusal since the last answer.
    public var failedAttempts: Int
    /// Frames written to this screen since start.
    public var framesSent: Int

    public init(window: Int, address: Int) {
        self.window = window
        self.address = address
        self.state = .unknown
        self.failedAttempts = 0
        self.framesSent = 0
    }
}

/// A snapshot of a display bus: the port and every screen on it.
public struct DisplayStatus: Codable, Sendable, Equatable {
    /// Transport address, e.g. `tty:/dev/ttyUSB0`.
    public var bus: String
    public var profileID: String
    /// Whether the port is open now.
    public var connected: Bool
    /// The last transport failure (unplugged, access denied, …), cleared on success.
    public var transportError: String?
    /// Commands waiting to be sent.
    public var pending: Int
    public var screens: [ScreenStatus]

    /// Healthy: the port works and no screen is known to be silent.
    public var healthy: Bool {
        connected && transportError == nil && !screens.contains { $0.state == .notResponding }
    }
}
