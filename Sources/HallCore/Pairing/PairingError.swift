/// Refusals of device pairing and of the paired-device list, with messages in Chinese for the
/// staff member at the device or on the admin page.
public enum PairingError: HallFailure, Equatable {
    case malformedCode
    case wrongCode
    case expiredCode
    case usedCode
    case kindMismatch(code: DeviceKind, page: DeviceKind)
    case throttled(retryAfterSeconds: Int)
    case windowRequired
    case windowNotAllowed
    case unknownWindow(Int)
    case invalidName
    case tooManyPendingCodes(Int)
    case unknownDevice(String)
    case alreadyRevoked(String)

    public var code: String {
        switch self {
        case .malformedCode: "malformed_pairing_code"
        case .wrongCode: "wrong_pairing_code"
        case .expiredCode: "pairing_code_expired"
        case .usedCode: "pairing_code_used"
        case .kindMismatch: "pairing_kind_mismatch"
        case .throttled: "too_many_attempts"
        case .windowRequired: "window_required"
        case .windowNotAllowed: "window_not_allowed"
        case .unknownWindow: "unknown_window"
        case .invalidName: "invalid_device_name"
        case .tooManyPendingCodes: "too_many_pairing_codes"
        case .unknownDevice: "unknown_device"
        case .alreadyRevoked: "device_revoked"
        }
    }

    public var message: String {
        switch self {
        case .malformedCode: "请输入管理员提供的 6 位数字配对码。"
        case .wrongCode: "配对码不正确，请核对后重新输入，或请管理员重新生成。"
        case .expiredCode: "配对码已过期（有效期 10 分钟），请管理员重新生成。"
        case .usedCode: "配对码已使用过，每个配对码只能使用一次，请管理员重新生成。"
        case .kindMismatch(let code, let page): "此配对码用于登记\(code.label)，不能在\(page.label)页面使用。"
        case .throttled(let s): "配对码错误次数过多，请 \(s) 秒后再试。"
        case .windowRequired: "请选择评价器所在的窗口。"
        case .windowNotAllowed: "只有评价器需要选择窗口。"
        case .unknownWindow(let n): "没有 \(n) 号窗口。"
        case .invalidName: "设备名称须为 1–32 个字，不能含控制字符或换行。"
        case .tooManyPendingCodes(let n): "未使用的配对码已有 \(n) 个，请先用完或等待过期（10 分钟）后再生成。"
        case .unknownDevice(let id): "找不到设备“\(id.prefix(32))”。"
        case .alreadyRevoked(let id): "设备“\(id.prefix(32))”已停用。"
        }
    }

    public var retryAfterSeconds: Int? {
        if case .throttled(let seconds) = self { seconds } else { nil }
    }

    public var kind: FailureKind {
        switch self {
        case .malformedCode, .windowRequired, .windowNotAllowed, .unknownWindow, .invalidName: .invalidInput
        case .wrongCode: .forbidden
        case .expiredCode, .usedCode, .kindMismatch, .tooManyPendingCodes, .alreadyRevoked: .conflict
        case .throttled: .throttled
        case .unknownDevice: .notFound
        }
    }
}
