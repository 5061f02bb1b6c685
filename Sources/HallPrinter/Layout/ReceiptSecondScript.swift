/// A receipt's fixed lines in a second script the printer has no font for (traditional
/// Mongolian): the twin of each Chinese fixed line (title, center name, labels, notes), found by
/// the Chinese text, printed as a raster image beside it — before it when `first` (the region's
/// rule: Mongolian first), after it otherwise. Lines without a twin (values, masked personal
/// data) print alone.
public struct ReceiptSecondScript: Sendable, Hashable, Codable {
    /// Chinese line (a field's key for a field) → its twin.
    public var twins: [String: String]
    /// Whether the twins come before the Chinese lines.
    public var first: Bool

    public init(twins: [String: String] = [:], first: Bool = true) {
        self.twins = twins
        self.first = first
    }

    /// The twin of `chinese`, if it has one.
    public func twin(of chinese: String) -> String? { twins[chinese] }
}
