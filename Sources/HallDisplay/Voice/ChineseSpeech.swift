/// Spoken Mandarin forms of numbers, as a call announcement needs them.
public enum ChineseSpeech {
    static let digitNames: [Character: String] = [
        "0": "零", "1": "一", "2": "二", "3": "三", "4": "四",
        "5": "五", "6": "六", "7": "七", "8": "八", "9": "九",
    ]

    /// A ticket number read character by character: `A012` → `A 零 一 二`.
    /// Letters stay letters (the engine says them), other characters are dropped.
    public static func ticketNumber(_ number: String) -> String {
        number.compactMap { c -> String? in
            if let d = digitNames[c] { return d }
            if c.isASCII, c.isLetter { return String(c).uppercased() }
            return nil
        }.joined(separator: " ")
    }

    /// A count read as a Chinese numeral: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    /// Numbers outside 0…9999 are read digit by digit.
    public static func cardinal(_ n: Int) -> String {
        guard (0...9999).contains(n) else { return ticketNumber(String(n)) }
        if n < 10 { return digitNames[Character(String(n))]! }
        if n < 20 { return "十" + (n == 10 ? "" : cardinal(n - 10)) }
        let units: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十")]
        var out = ""
        var rest = n
        var pendingZero = false
        for (value, name) in units {
            let d = rest / value
            rest %= value
            if d > 0 {
                if pendingZero { out += "零" }
                out += digitNames[Character(String(d))]! + name
                pendingZero = false
            } else if !out.isEmpty {
                pendingZero = true
            }
        }
        if rest > 0 { out += (pendingZero ? "零" : "") + digitNames[Character(String(rest))]! }
        return out
    }
}
