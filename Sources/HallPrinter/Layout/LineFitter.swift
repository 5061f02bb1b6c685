/// Splits text into printed lines that fit a column budget (Chinese characters count two).
public enum LineFitter {
    /// Wraps `text` so that each line's width times `widthMultiplier` is at most `columns`.
    /// Existing newlines are kept; an empty text gives one empty line.
    public static func wrap(_ text: String, columns: Int, widthMultiplier: Int = 1) -> [String] {
        let budget = max(columns / max(widthMultiplier, 1), 1)
        // Fast path: most lines fit as they are.
        if !text.utf8.contains(0x0A), GB18030.columns(text) <= budget { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var width = 0
            for character in paragraph {
                let w = GB18030.columns(character)
                if width + w > budget, !current.isEmpty {
                    lines.append(current)
                    current = ""
                    width = 0
                }
                current.append(character)
                width += w
            }
            lines.append(current)
        }
        return lines
    }

    /// The largest multiplier ≤ `preferred` at which `text` fits on one line of `columns`.
    public static func largestFittingMultiplier(for text: String, columns: Int, preferred: Int) -> Int {
        let width = max(GB18030.columns(text), 1)
        return max(1, min(preferred, columns / width, 8))
    }
}
