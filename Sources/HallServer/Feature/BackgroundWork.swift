/// A piece of work halld runs beside the HTTP server until it shuts down: a device loop or a
/// periodic sweep. `run` returns when its task is cancelled (or at once when there is nothing to do).
public struct BackgroundWork: Sendable {
    /// Names the work in logs, e.g. `deadlines` or `ticket-printer`.
    public let name: String
    /// The work itself.
    public let run: @Sendable () async -> Void

    public init(_ name: String, run: @escaping @Sendable () async -> Void) {
        self.name = name
        self.run = run
    }
}
