extension HallServer {
    /// The periodic deadline check for this hall (halld runs it as a service).
    public func makeDeadlineSweep(interval: Duration = .seconds(300)) -> DeadlineSweep {
        DeadlineSweep(intake: intake, interval: interval)
    }
}
