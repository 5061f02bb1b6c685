/// How calls are spoken.
public struct AnnouncementSettings: Sendable, Equatable, Codable {
    /// Phrase with `{number}`, `{window}`, `{service}`; spaces give the engine short pauses.
    public var template: CallTextTemplate
    /// A recall may use another phrase (default: the same as a call).
    public var recallTemplate: CallTextTemplate?
    /// How many times the phrase is said per announcement (1…5).
    public var repeatCount: Int
    /// Whether to play on this machine's sound card (only where one exists).
    public var playLocally: Bool

    public init(
        template: CallTextTemplate = "请 {number} 号 到 {window} 号窗口 办理",
        recallTemplate: CallTextTemplate? = nil, repeatCount: Int = 2, playLocally: Bool = true
    ) {
        self.template = template
        self.recallTemplate = recallTemplate
        self.repeatCount = repeatCount
        self.playLocally = playLocally
    }

    /// The text spoken for `call`: the phrase with spoken numbers, repeated, separated by a full stop
    /// so the engine pauses: 请 A 零 一 二 号 到 三 号窗口 办理。请 A 零 一 二 号 到 三 号窗口 办理。
    public func spokenText(for call: DisplayCall) -> String {
        let phrase = (call.isRecall ? recallTemplate ?? template : template).render(
            number: ChineseSpeech.ticketNumber(call.ticketNumber),
            window: ChineseSpeech.cardinal(call.window),
            service: call.serviceName)
        return Array(repeating: phrase + "。", count: min(max(repeatCount, 1), 5)).joined()
    }
}
