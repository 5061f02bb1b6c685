/// A device pairing code: six digits from a CSPRNG, typed on the device's first-run page.
public enum PairingCode {
    /// How many digits a code has.
    public static let digits = 6

    /// A new random code, zero-padded; `generator` must be cryptographically secure
    /// (`SystemRandomNumberGenerator`).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// The code in `typed` (spaces and dashes ignored), nil unless it is exactly six ASCII digits.
    public static func normalized(_ typed: String) -> String? {
        let code = String(typed.prefix(64).filter { $0 != " " && $0 != "-" })
        return code.count == digits && code.allSatisfy(\.isASCIIDigit) ? code : nil
    }
}
