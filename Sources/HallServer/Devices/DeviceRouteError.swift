import HallCore

/// Device-route failures a clerk can act on.
enum DeviceRouteError: HallFailure {
    case voiceDisabled
    case voice(String)
    case noPrinter

    var code: String {
        switch self {
        case .voiceDisabled: "voice_disabled"
        case .voice: "voice_failed"
        case .noPrinter: "no_ticket_printer"
        }
    }

    var message: String {
        switch self {
        case .voiceDisabled: "本大厅未启用语音叫号。"
        case .voice(let detail): "无法生成叫号语音：\(detail)"
        case .noPrinter: "本大厅未配置取号打印机，无法补打。"
        }
    }

    var kind: FailureKind {
        switch self {
        case .voiceDisabled, .noPrinter: .conflict
        case .voice: .invalidInput
        }
    }
}
