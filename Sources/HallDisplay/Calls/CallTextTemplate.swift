import Foundation

/// A text with placeholders `{number}`, `{window}` and `{service}`, filled from a call.
/// Screens use it as is (请{number}号到{window}号窗口); the voice passes spoken forms of the values.
public struct CallTextTemplate: Sendable, Equatable, Codable, ExpressibleByStringLiteral {
    public var pattern: String

    public init(_ pattern: String) { self.pattern = pattern }
    public init(stringLiteral value: String) { pattern = value }

    /// The default screen text: 请A012号到3号窗口.
    public static let screenCall: CallTextTemplate = "请{number}号到{window}号窗口"
    /// The default idle text: 3号窗口 欢迎办理.
    public static let screenIdle: CallTextTemplate = "{window}号窗口 欢迎办理"

    /// Replaces the placeholders with the given values.
    public func render(number: String, window: String, service: String) -> String {
        pattern.replacingOccurrences(of: "{number}", with: number)
            .replacingOccurrences(of: "{window}", with: window)
            .replacingOccurrences(of: "{service}", with: service)
    }

    /// The screen text of `call`.
    public func render(_ call: DisplayCall) -> String {
        render(number: call.ticketNumber, window: String(call.window), service: call.serviceName)
    }
}
