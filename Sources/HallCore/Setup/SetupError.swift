/// Refusals of first-run setup, with messages the person setting the hall up can act on.
public enum SetupError: HallFailure, Equatable {
    case wrongCode
    case alreadyDone
    case throttled(retryAfterSeconds: Int)
    case setupRequired
    case invalidCenterName
    case invalidPhone
    case invalidPublicURL(String)
    case servicesWithoutWindows
    case invalidService(index: Int, reason: String)
    case invalidWindow(index: Int, reason: String)
    case conflictsWithConfiguration(String)

    public var code: String {
        switch self {
        case .wrongCode: "wrong_setup_code"
        case .alreadyDone: "setup_done"
        case .throttled: "too_many_attempts"
        case .setupRequired: "setup_required"
        case .invalidCenterName: "invalid_center_name"
        case .invalidPhone: "invalid_phone"
        case .invalidPublicURL: "invalid_public_url"
        case .servicesWithoutWindows: "services_without_windows"
        case .invalidService: "invalid_service"
        case .invalidWindow: "invalid_window"
        case .conflictsWithConfiguration: "conflicts_with_configuration"
        }
    }

    public var message: String {
        switch self {
        case .wrongCode: "设置码不正确。设置码写在 halld 的日志中，以及状态目录下的 setup-code 文件里（仅管理员可读）。"
        case .alreadyDone: "本中心已完成首次设置，设置码已失效。请用管理员账号登录中心管理页面。"
        case .throttled(let s): "设置码错误次数过多，请 \(s) 秒后再试。"
        case .setupRequired: "本中心尚未完成首次设置，请先打开 /setup/ 页面完成设置。"
        case .invalidCenterName: "中心名称须为 2–40 个字，不能含控制字符或换行。"
        case .invalidPhone: "联系电话无效：须为 5–20 位，只能包含数字、空格和 + - ( )。"
        case .invalidPublicURL(let url): "群众手机访问地址“\(url.prefix(80))”无效：须为 http:// 或 https:// 开头的地址，例如 http://192.168.1.10:8080。"
        case .servicesWithoutWindows: "请同时填写业务和窗口，或都不填（使用示例业务和窗口）。"
        case .invalidService(let i, let reason): "第 \(i + 1) 项业务：\(reason)"
        case .invalidWindow(let i, let reason): "第 \(i + 1) 个窗口：\(reason)"
        case .conflictsWithConfiguration(let detail): "与配置文件中的设置不一致（\(detail.prefix(200))），请修改配置文件或本页的填写。"
        }
    }

    public var retryAfterSeconds: Int? {
        if case .throttled(let seconds) = self { seconds } else { nil }
    }

    public var kind: FailureKind {
        switch self {
        case .wrongCode: .forbidden
        case .alreadyDone, .conflictsWithConfiguration: .conflict
        case .throttled: .throttled
        case .setupRequired: .unavailable
        case .invalidCenterName, .invalidPhone, .invalidPublicURL, .servicesWithoutWindows, .invalidService, .invalidWindow:
            .invalidInput
        }
    }
}
