/// What the clerk found for one checklist material during pre-review.
public enum MaterialStatus: Codable, Sendable, Hashable {
    /// Handed in and in order.
    case received
    /// Needed in this case but not handed in (an optional material marked missing is needed too).
    case missing
    /// Handed in but not usable, with the reason (e.g. 复印件不清晰, 证件已过期).
    case defective(reason: String)
}

/// The clerk's mark for one material of the item's checklist.
public struct MaterialMark: Codable, Sendable, Hashable {
    public var materialID: String
    public var status: MaterialStatus

    public init(materialID: String, status: MaterialStatus) {
        self.materialID = materialID
        self.status = status
    }

    public static func received(_ id: String) -> MaterialMark { MaterialMark(materialID: id, status: .received) }
    public static func missing(_ id: String) -> MaterialMark { MaterialMark(materialID: id, status: .missing) }
    public static func defective(_ id: String, _ reason: String) -> MaterialMark {
        MaterialMark(materialID: id, status: .defective(reason: reason))
    }
}

/// A material the applicant handed in, as listed on the acceptance notice.
public struct ReceivedMaterial: Codable, Sendable, Hashable {
    public var materialID: String
    public var name: String
    public var form: MaterialForm
    public var count: Int
}

/// One line of a correction notice (补正告知书): what is wrong with which material.
public struct CorrectionItem: Codable, Sendable, Hashable {
    public enum Problem: String, Codable, Sendable { case missing, defective }

    public var materialID: String
    public var name: String
    public var form: MaterialForm
    public var count: Int
    public var problem: Problem
    /// The reason told to the applicant, e.g. 未提交（原件及复印件1份） or the clerk's defect reason.
    public var reason: String
    /// The checklist's note for the material, to help the applicant.
    public var notes: String?
}
