/// Refusals particular to banner accounts; the rest (bad credentials, weak password, throttling…)
/// are the halls' `AccessError`.
public enum BannerAccessError: HallFailure, Equatable {
    case forbidden(BannerPermission)
    case roleAboveYours(BannerRole)
    case accountAboveYours(String)
    case changingYourself

    public var code: String {
        switch self {
        case .forbidden: "forbidden"
        case .roleAboveYours: "role_above_yours"
        case .accountAboveYours: "account_above_yours"
        case .changingYourself: "changing_yourself"
        }
    }

    public var message: String {
        switch self {
        case .forbidden(let p): "您的角色无权进行“\(p.label)”操作。"
        case .roleAboveYours(let r): "不能授予“\(r.label)”角色：它高于您自己的角色。"
        case .accountAboveYours(let u): "不能修改账号“\(u.prefix(32))”：它的角色高于您自己的角色。"
        case .changingYourself: "不能停用自己的账号或改变自己的角色，请由其他管理员操作。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .forbidden, .roleAboveYours, .accountAboveYours: .forbidden
        case .changingYourself: .conflict
        }
    }
}
