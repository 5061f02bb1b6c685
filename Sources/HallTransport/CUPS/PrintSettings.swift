/// Time limits for printing through libcups.
public struct PrintSettings: Sendable, Equatable {
    /// How long to try to connect to the printer or scheduler.
    public var connectTimeout: Duration
    /// How long one request (create job, send document, query state) may wait for an answer.
    public var requestTimeout: Duration
    /// How long to follow a submitted job before giving up (the job is then canceled, so a
    /// retry cannot print the document twice).
    public var jobTimeout: Duration
    /// Pause between two `job-state` queries.
    public var pollInterval: Duration

    public init(
        connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(20),
        jobTimeout: Duration = .seconds(120), pollInterval: Duration = .milliseconds(500)
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.jobTimeout = jobTimeout
        self.pollInterval = pollInterval
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    var secondsValue: Double { Double(milliseconds) / 1000 }
}
