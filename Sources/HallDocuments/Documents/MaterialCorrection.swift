/// A material that is missing or must be corrected, with the reason, for the correction notice.
public struct MaterialCorrection: Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// Not handed in at all.
        case missing
        /// Handed in but not acceptable (expired, unsigned, illegible, wrong form...).
        case defective

        /// The words printed in the table: 缺少 / 需补正.
        public var label: String {
            switch self {
            case .missing: "缺少"
            case .defective: "需补正"
            }
        }

        /// The catalog key of the words printed in the table, `label` in Chinese.
        var wordingKey: String { self == .missing ? "doc.value.problem.missing" : "doc.value.problem.defective" }
    }

    public var materialName: String
    /// The material's name in traditional Mongolian (the catalog's), printed above the Chinese in a
    /// bilingual hall; nil when the catalog has none.
    public var materialNameMn: String?
    public var problem: Problem
    /// Why, and what is required, e.g. 身份证已过有效期，请提供有效期内的居民身份证原件.
    public var reason: String

    public init(materialName: String, problem: Problem, reason: String, materialNameMn: String? = nil) {
        self.materialName = materialName
        self.materialNameMn = materialNameMn
        self.problem = problem
        self.reason = reason
    }
}
