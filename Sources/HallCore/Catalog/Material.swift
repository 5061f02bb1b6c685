/// Whether the window needs the original document, a copy, or both.
public enum MaterialForm: String, Codable, Sendable, CaseIterable {
    case original
    case copy
    case originalAndCopy = "original+copy"

    /// Chinese label for checklists and notices.
    public var label: String {
        switch self {
        case .original: "原件"
        case .copy: "复印件"
        case .originalAndCopy: "原件及复印件"
        }
    }
}

/// One entry of an item's materials checklist (申请材料).
public struct Material: Codable, Sendable, Hashable, Identifiable {
    /// Identifier unique within the item, e.g. `id-card`.
    public var id: String
    /// Chinese name, e.g. 居民身份证.
    public var name: String
    /// Name in traditional Mongolian script, printed above the Chinese in a bilingual hall; nil when
    /// the catalog has none (the Chinese is printed alone).
    public var nameMn: String?
    public var form: MaterialForm
    /// How many copies or pieces (份).
    public var count: Int
    /// Whether the case cannot be accepted without it.
    public var required: Bool
    /// Notes for the applicant, e.g. which pages to copy.
    public var notes: String?

    public init(
        id: String, name: String, form: MaterialForm, count: Int = 1, required: Bool = true, notes: String? = nil, nameMn: String? = nil
    ) {
        self.id = id
        self.name = name
        self.nameMn = nameMn
        self.form = form
        self.count = count
        self.required = required
        self.notes = notes
    }
}
