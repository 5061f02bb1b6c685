/// A material handed in at the window, as listed on the acceptance notice.
public struct ReceivedMaterial: Sendable, Equatable {
    /// Original, copy, or both.
    public enum Form: Sendable, Equatable {
        case original
        case copy
        case originalAndCopy

        /// The words printed in the table: 原件 / 复印件 / 原件及复印件.
        public var label: String {
            switch self {
            case .original: "原件"
            case .copy: "复印件"
            case .originalAndCopy: "原件及复印件"
            }
        }

        /// The catalog key of the words printed in the table, `label` in Chinese.
        public var wordingKey: String {
            switch self {
            case .original: "doc.value.form.original"
            case .copy: "doc.value.form.copy"
            case .originalAndCopy: "doc.value.form.originalAndCopy"
            }
        }
    }

    public var name: String
    /// The name in traditional Mongolian (the catalog's), printed above the Chinese in a bilingual
    /// hall; nil when the catalog has none.
    public var nameMn: String?
    public var form: Form
    /// Number of copies (份).
    public var count: Int

    public init(name: String, form: Form, count: Int = 1, nameMn: String? = nil) {
        self.name = name
        self.nameMn = nameMn
        self.form = form
        self.count = count
    }
}
