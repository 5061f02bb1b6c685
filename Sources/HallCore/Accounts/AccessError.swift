/// Refusals of sign-in and permission checks, with messages a clerk can act on.
public enum AccessError: HallFailure, Equatable {
    case notSignedIn
    case sessionExpired
    case badCredentials
    case invalidDeviceToken
    case forbidden(Permission)
    case throttled(retryAfterSeconds: Int)
    case invalidUsername(String)
    case noRoles
    case deviceRoleForStaff(Role)
    case weakPassword
    case usernameTaken(String)
    case unknownAccount(String)
    case lastAdministrator
    case undeclaredRoute(String)
    case roleAboveYours(Role)
    case accountAboveYours(String)
    case deactivatingYourself
    case invalidDisplayName

    public var code: String {
        switch self {
        case .notSignedIn: "unauthorized"
        case .sessionExpired: "session_expired"
        case .badCredentials: "bad_credentials"
        case .invalidDeviceToken: "invalid_token"
        case .forbidden: "forbidden"
        case .throttled: "too_many_attempts"
        case .invalidUsername: "invalid_username"
        case .noRoles: "no_roles"
        case .deviceRoleForStaff: "device_role_for_staff"
        case .weakPassword: "weak_password"
        case .usernameTaken: "username_taken"
        case .unknownAccount: "unknown_account"
        case .lastAdministrator: "last_administrator"
        case .undeclaredRoute: "forbidden"
        case .roleAboveYours: "role_above_yours"
        case .accountAboveYours: "account_above_yours"
        case .deactivatingYourself: "deactivating_yourself"
        case .invalidDisplayName: "invalid_display_name"
        }
    }

    public var message: String {
        switch self {
        case .notSignedIn: "请先登录。"
        case .sessionExpired: "登录已过期，请重新登录。"
        case .badCredentials: "用户名或密码错误。"
        case .invalidDeviceToken: "设备令牌无效，请联系管理员重新登记本设备。"
        case .forbidden(let p): "您的角色无权进行“\(p.label)”操作。"
        case .throttled(let s): "登录失败次数过多，请 \(s) 秒后再试。"
        case .invalidUsername(let u): "用户名“\(u.prefix(32))”无效：须为 2–32 个英文字母、数字或 . - _。"
        case .noRoles: "请至少选择一个角色。"
        case .deviceRoleForStaff(let r): "“\(r.label)”是设备角色，不能授予工作人员账号。"
        case .weakPassword: "密码太弱：至少 8 位，不能全是数字，也不能与用户名相同。"
        case .usernameTaken(let u): "用户名“\(u)”已存在。"
        case .unknownAccount(let u): "找不到账号“\(u)”。"
        case .lastAdministrator: "这是最后一个可用的管理员账号，不能停用或取消其管理员角色。"
        case .undeclaredRoute(let r): "操作“\(r)”尚未配置权限，已拒绝。"
        case .roleAboveYours(let r): "不能授予“\(r.label)”角色：它高于您自己的角色。"
        case .accountAboveYours(let u): "不能修改账号“\(u.prefix(32))”：它的角色高于您自己的角色。"
        case .deactivatingYourself: "不能停用自己的账号，请由其他负责人或管理员操作。"
        case .invalidDisplayName: "姓名须为 1–32 个字，不能为空，也不能含控制字符或文字方向控制符。"
        }
    }

    public var retryAfterSeconds: Int? {
        if case .throttled(let seconds) = self { seconds } else { nil }
    }

    public var kind: FailureKind {
        switch self {
        case .notSignedIn, .sessionExpired, .badCredentials, .invalidDeviceToken: .unauthorized
        case .forbidden, .undeclaredRoute, .roleAboveYours, .accountAboveYours: .forbidden
        case .throttled: .throttled
        case .invalidUsername, .noRoles, .deviceRoleForStaff, .weakPassword, .invalidDisplayName: .invalidInput
        case .usernameTaken, .lastAdministrator, .deactivatingYourself: .conflict
        case .unknownAccount: .notFound
        }
    }
}
