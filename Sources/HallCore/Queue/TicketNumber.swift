/// Formats ticket numbers: the service prefix and a sequence padded to three digits.
public enum TicketNumber {
    /// `format(prefix: "A", sequence: 7)` → `A007`; past 999 the number simply grows (`A1000`).
    public static func format(prefix: String, sequence: Int) -> String {
        let digits = String(sequence)
        return prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
