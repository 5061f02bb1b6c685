/// A person as the card-ticket limits know them: a keyed hash (HMAC) of the ID number under the
/// hall's secret, computed by the server. The number itself is never stored; without the secret
/// the key cannot be tied back to a number.
public struct CardHolderKey: Hashable, Sendable, CustomStringConvertible {
    /// The hash, as text (base64url or hex, as the server makes it).
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A short prefix only, for diagnostics.
    public var description: String { "CardHolderKey(\(rawValue.prefix(6))…)" }
}
