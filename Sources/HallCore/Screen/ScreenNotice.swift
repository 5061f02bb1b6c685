import Foundation

/// The notice the center head sets for the hall screen, scrolling along its bottom edge (e.g.
/// 本周六上午办理社保业务). Empty text means no notice. Public: it must never carry personal data.
public struct ScreenNotice: Codable, Sendable, Equatable {
    public var text: String
    /// When it was last set (nil: never).
    public var updatedAt: Date?

    public init(text: String, updatedAt: Date? = nil) {
        self.text = text
        self.updatedAt = updatedAt
    }

    /// The longest notice: a scrolling line people read while it passes.
    public static let maxLength = 200

    /// The text as stored: trimmed, line breaks and tabs turned into spaces; refused when too long.
    public static func clean(_ text: String) throws(ScreenNoticeError) -> String {
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        let trimmed = flat.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else { throw .tooLong(max: maxLength, given: trimmed.count) }
        return trimmed
    }
}

extension EventType {
    /// The head changed the hall screen's notice (screens read it again).
    public static let screenNotice: EventType = "screen.notice"
}
