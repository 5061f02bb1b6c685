/// A service item (政务服务事项) of the published catalog that the comprehensive window accepts.
public struct CatalogItem: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier, e.g. `rural-pension-enrolment`.
    public var id: String
    /// Chinese name as published, e.g. 城乡居民基本养老保险参保登记.
    public var name: String
    /// Name in traditional Mongolian script, printed above the Chinese on a bilingual hall's notices and
    /// appointment documents; nil when the catalog has none (the Chinese is printed alone).
    public var nameMn: String?
    public var category: ItemCategory
    /// The departments that review it; all review at once (并联办理). At least one.
    public var departments: [Department]
    public var timeLimit: TimeLimit
    /// The materials checklist, in the order the window checks it. At least one.
    public var materials: [Material]
    /// Whether the item can be handled on a home visit (上门服务).
    public var homeVisitEligible: Bool
    /// Fees charged; the hall's items are free (`不收费`).
    public var fees: String

    public init(
        id: String, name: String, category: ItemCategory, departments: [Department], timeLimit: TimeLimit,
        materials: [Material], homeVisitEligible: Bool = false, fees: String = "不收费", nameMn: String? = nil
    ) {
        self.id = id
        self.name = name
        self.nameMn = nameMn
        self.category = category
        self.departments = departments
        self.timeLimit = timeLimit
        self.materials = materials
        self.homeVisitEligible = homeVisitEligible
        self.fees = fees
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, nameMn, category, departments, timeLimit, materials, homeVisitEligible, fees
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            category: try c.decode(ItemCategory.self, forKey: .category),
            departments: try c.decode([Department].self, forKey: .departments),
            timeLimit: try c.decode(TimeLimit.self, forKey: .timeLimit),
            materials: try c.decode([Material].self, forKey: .materials),
            homeVisitEligible: try c.decodeIfPresent(Bool.self, forKey: .homeVisitEligible) ?? false,
            fees: try c.decodeIfPresent(String.self, forKey: .fees) ?? "不收费",
            nameMn: try c.decodeIfPresent(String.self, forKey: .nameMn))
    }

    /// Whether more than one department reviews it.
    public var isParallel: Bool { departments.count > 1 }

    /// The material with `id`, if on the checklist.
    public func material(_ id: String) -> Material? { materials.first { $0.id == id } }
}
