/// A call as screens and voice need it: which ticket goes to which window.
public struct DisplayCall: Sendable, Equatable, Codable {
    /// Window number, e.g. 3.
    public var window: Int
    /// Ticket number, e.g. `A012`.
    public var ticketNumber: String
    /// Service name, e.g. 社保医保.
    public var serviceName: String
    /// Whether this is a recall of a ticket already called.
    public var isRecall: Bool

    public init(window: Int, ticketNumber: String, serviceName: String = "", isRecall: Bool = false) {
        self.window = window
        self.ticketNumber = ticketNumber
        self.serviceName = serviceName
        self.isRecall = isRecall
    }
}
