/// The area of government work an item belongs to. Open-ended: a catalog may add categories.
public struct ItemCategory: OpenName {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let socialSecurity: ItemCategory = "社保"
    public static let civilAffairs: ItemCategory = "民政"
    public static let familyHealth: ItemCategory = "计生卫健"
    public static let marketRegulation: ItemCategory = "市场监管"
    public static let agriculture: ItemCategory = "农牧业"
    public static let veterans: ItemCategory = "退役军人"
}
