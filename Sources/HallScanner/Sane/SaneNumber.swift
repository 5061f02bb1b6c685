import CSane

/// SANE_Word arithmetic for INT and FIXED options and their constraints.
enum SaneNumber {
    /// `value` as a SANE word (SANE_FIX for fixed-point options).
    static func word(_ value: Double, fixed: Bool) -> SANE_Word {
        fixed ? SANE_Word((value * 65536).rounded()) : SANE_Word(value.rounded())
    }

    /// A SANE word as a number (SANE_UNFIX for fixed-point options).
    static func value(_ word: SANE_Word, fixed: Bool) -> Double {
        fixed ? Double(word) / 65536 : Double(word)
    }

    /// The allowed word nearest to `word`: clamped and quantised for a range, nearest entry of a
    /// word list, unchanged without a constraint.
    static func nearestAllowed(_ word: SANE_Word, entry: SaneOptionTable.Entry) -> SANE_Word {
        if let range = entry.range {
            var clamped = min(max(word, range.min), range.max)
            if range.quant > 0 {
                let steps = (Double(clamped - range.min) / Double(range.quant)).rounded()
                clamped = min(range.max, range.min + SANE_Word(steps) * range.quant)
            }
            return clamped
        }
        let list = entry.wordList
        if let nearest = list.min(by: { abs(Int($0) - Int(word)) < abs(Int($1) - Int(word)) }) {
            return nearest
        }
        return word
    }
}
