/// Sex as encoded in a resident identity card number (17th digit: odd male, even female).
public enum Sex: String, Codable, Sendable, Equatable {
    case male
    case female

    /// 男 / 女.
    public var label: String { self == .male ? "男" : "女" }
}
