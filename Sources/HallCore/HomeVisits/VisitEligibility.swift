/// Why a resident may be visited at home (上门服务对象).
public enum VisitEligibility: String, Codable, Sendable, CaseIterable {
    /// 行动不便的老年人.
    case elderly
    /// 残疾人.
    case disabled
    /// 重症患者.
    case seriouslyIll = "seriously_ill"
    /// Prevented by force majeure: natural disaster, public-health event (不可抗力).
    case forceMajeure = "force_majeure"
    /// Another case accepted on review (其他经审核确需上门服务的情形); needs a note.
    case other

    public var label: String {
        switch self {
        case .elderly: "行动不便的老年人"
        case .disabled: "残疾人"
        case .seriouslyIll: "重症患者"
        case .forceMajeure: "因不可抗力无法到场"
        case .other: "其他特殊情形"
        }
    }
}
