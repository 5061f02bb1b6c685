/// The fixed lines of a ticket in one language; `{count}`, `{minutes}` and `{time}` are filled in.
/// The daemon takes them from the language's message catalog (`data/i18n/`).
public struct TicketWording: Sendable, Hashable, Codable {
    public var yourNumber: String
    public var peopleAhead: String
    public var noOneAhead: String
    public var estimatedWait: String
    public var issuedAt: String
    public var scanForProgress: String
    public var courtesy: String

    public init(
        yourNumber: String, peopleAhead: String, noOneAhead: String, estimatedWait: String, issuedAt: String,
        scanForProgress: String, courtesy: String
    ) {
        self.yourNumber = yourNumber
        self.peopleAhead = peopleAhead
        self.noOneAhead = noOneAhead
        self.estimatedWait = estimatedWait
        self.issuedAt = issuedAt
        self.scanForProgress = scanForProgress
        self.courtesy = courtesy
    }

    /// The Chinese lines every ticket has printed.
    public static let chinese = TicketWording(
        yourNumber: "您的号码", peopleAhead: "前面还有 {count} 人等候", noOneAhead: "前面没有人等候，请留意叫号",
        estimatedWait: "预计等候约 {minutes} 分钟", issuedAt: "取号时间：{time}", scanForProgress: "扫码查看排队进度",
        courtesy: "请留意叫号屏幕和语音提示，过号请重新取号")

    /// `template` with `{name}` replaced by `value`.
    static func fill(_ template: String, _ name: String, _ value: String) -> String {
        template.replacingOccurrences(of: "{\(name)}", with: value)
    }
}
