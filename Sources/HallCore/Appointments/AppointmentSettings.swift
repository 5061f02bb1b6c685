/// The appointment and home-visit rules a hall can tune. The defaults are the center's rules.
public struct AppointmentSettings: Codable, Sendable, Equatable {
    /// Working days a booking or home-visit request must be made ahead (提前两个工作日).
    public var leadWorkingDays: Int
    /// Consecutive cancellations without reason that suspend a person (连续三次无故取消).
    public var cancellationsBeforeSuspension: Int
    /// How long a suspension lasts, in days (the center head can lift it earlier).
    public var suspensionDays: Int
    /// How many minutes before the booked time a resident may check in.
    public var checkInEarlyMinutes: Int
    /// Working days the center has to review a home-visit request (1个工作日内核实).
    public var visitReviewWorkingDays: Int
    /// Working days given to an unfinished home-visit item when none is named.
    public var visitFollowUpWorkingDays: Int

    public init(
        leadWorkingDays: Int = 2, cancellationsBeforeSuspension: Int = 3, suspensionDays: Int = 90,
        checkInEarlyMinutes: Int = 30, visitReviewWorkingDays: Int = 1, visitFollowUpWorkingDays: Int = 5
    ) {
        self.leadWorkingDays = leadWorkingDays
        self.cancellationsBeforeSuspension = cancellationsBeforeSuspension
        self.suspensionDays = suspensionDays
        self.checkInEarlyMinutes = checkInEarlyMinutes
        self.visitReviewWorkingDays = visitReviewWorkingDays
        self.visitFollowUpWorkingDays = visitFollowUpWorkingDays
    }

    /// The first rule the values break, as a Chinese sentence; nil when they are usable.
    public var problem: String? {
        if leadWorkingDays < 0 { return "提前预约的工作日数不能为负数" }
        if cancellationsBeforeSuspension < 1 { return "暂停预约前的无故取消次数至少为1" }
        if suspensionDays < 1 { return "暂停预约的天数至少为1" }
        if !(0...240).contains(checkInEarlyMinutes) { return "提前签到的分钟数应在0到240之间" }
        if visitReviewWorkingDays < 0 { return "上门服务审核期限不能为负数" }
        if visitFollowUpWorkingDays < 1 { return "上门服务未办结事项的期限至少为1个工作日" }
        return nil
    }
}
