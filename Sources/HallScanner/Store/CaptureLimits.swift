/// Size limits of the capture store.
public struct CaptureLimits: Sendable, Equatable {
    /// Largest stored file (one page), in bytes.
    public var maxFileBytes: Int
    /// Largest total of all stored pages of one case, in bytes.
    public var maxCaseBytes: Int

    /// Creates limits; the defaults suit 300 dpi colour A4 pages.
    public init(maxFileBytes: Int = 20 * 1024 * 1024, maxCaseBytes: Int = 200 * 1024 * 1024) {
        self.maxFileBytes = maxFileBytes
        self.maxCaseBytes = maxCaseBytes
    }
}
