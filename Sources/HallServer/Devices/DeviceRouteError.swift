import HallCore

/// Device-route failures a clerk can act on.
enum DeviceRouteError: HallFailure {
    case voiceDisabled
    case voice(String)
    case noPrinter
    case tooManyVoiceRequests(retryAfterSeconds: Int)
    /// A well-formed ticket number whose letters are no prefix of this hall's services.
    case unknownTicketPrefix(String)

    var code: String {
        switch self {
        case .voiceDisabled: "voice_disabled"
        case .voice: "voice_failed"
        case .noPrinter: "no_ticket_printer"
        case .tooManyVoiceRequests: "too_many_requests"
        case .unknownTicketPrefix: "unknown_ticket_prefix"
        }
    }

    var message: String {
        switch self {
        case .voiceDisabled: "本大厅未启用语音叫号。"
        case .voice(let detail): "无法生成叫号语音：\(detail)"
        case .noPrinter: "本大厅未配置取号打印机，无法补打。"
        case .tooManyVoiceRequests(let s): "叫号语音请求过于频繁，请 \(s) 秒后再试。"
        case .unknownTicketPrefix(let prefix): "本大厅没有以“\(prefix)”开头的号码，请核对号码。"
        }
    }

    var kind: FailureKind {
        switch self {
        case .voiceDisabled, .noPrinter: .conflict
        case .voice: .invalidInput
        case .tooManyVoiceRequests: .throttled
        case .unknownTicketPrefix: .notFound
        }
    }

    var retryAfterSeconds: Int? {
        if case .tooManyVoiceRequests(let seconds) = self { seconds } else { nil }
    }
}
