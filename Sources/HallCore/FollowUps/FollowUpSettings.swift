/// Defaults of follow-ups (事后告知结果).
public struct FollowUpSettings: Codable, Sendable, Equatable {
    /// Working days from the day a follow-up is opened to its due day, when none is given.
    public var dueWorkingDays: Int

    public init(dueWorkingDays: Int = 3) {
        self.dueWorkingDays = dueWorkingDays
    }
}
