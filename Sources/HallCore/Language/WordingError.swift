/// Refusals of a correction of residents' wording, with messages the head can act on.
public enum WordingError: HallFailure, Equatable {
    /// The hall does not show this language (`center.languages`).
    case languageNotShown(String)
    /// No catalog has this key.
    case unknownKey(String)
    /// The text breaks a catalog rule (empty, placeholders, another script).
    case invalidText(LanguageError)

    public var code: String {
        switch self {
        case .languageNotShown: "language_not_shown"
        case .unknownKey: "unknown_wording_key"
        case .invalidText: "invalid_wording"
        }
    }

    public var message: String {
        switch self {
        case .languageNotShown(let code): "本中心没有设置语言“\(code)”（center.languages），不能修改它的文字。"
        case .unknownKey(let key): "没有“\(key)”这一条群众用语，请从列表中选择。"
        case .invalidText(let problem): problem.description + "，请修改后再保存。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .languageNotShown, .unknownKey: .notFound
        case .invalidText: .invalidInput
        }
    }
}
