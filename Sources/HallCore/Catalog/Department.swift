/// A back-office department that reviews routed cases (后台业务部门), e.g. 社保所 or 市场监管所.
public struct Department: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier, e.g. `social-security`.
    public var id: String
    /// Chinese name shown to clerks and on notices.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
