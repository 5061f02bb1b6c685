/// Booking codes (预约码): six digits, easy to read out on the phone and to key in at the kiosk.
public enum BookingCode {
    public static let length = 6

    /// A random code.
    public static func random() -> String {
        let value = Int.random(in: 0..<1_000_000)
        let digits = String(value)
        return String(repeating: "0", count: length - digits.count) + digits
    }

    /// The code as typed (spaces and dashes removed); nil when it cannot be a code.
    public static func normalise(_ text: String) -> String? {
        let compact = text.filter { !" -".contains($0) }
        guard compact.count == length, compact.allSatisfy(\.isASCIIDigit) else { return nil }
        return compact
    }
}
