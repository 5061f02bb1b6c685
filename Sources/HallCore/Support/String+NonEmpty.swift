extension String {
    /// nil for an empty string: `text.trimmingCharacters(in: .whitespaces).nonEmpty` is the trimmed
    /// text, or nil when nothing is left.
    public var nonEmpty: String? { isEmpty ? nil : self }
}
