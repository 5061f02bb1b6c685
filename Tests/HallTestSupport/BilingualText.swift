/// Reading Mongolian and Chinese back from a document's text (pdftotext), which drops the marks
/// Mongolian spelling uses (free variation selectors, MVS, NNBSP) and lays lines out its own way.
public enum BilingualText {
    /// Whitespace and the marks pdftotext may drop (free variation selectors, MVS, NNBSP) removed.
    public static func letters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: text.unicodeScalars.filter {
                !(0x180B...0x180F).contains($0.value) && $0.value != 0x202F && !$0.properties.isWhitespace
            })
        return String(scalars)
    }

    /// The fixed parts of a template (the text between its placeholders) of two letters or more,
    /// as `letters` has them.
    public static func fragments(_ template: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inPlaceholder = false
        for character in template {
            if character == "{" {
                parts.append(current)
                current = ""
                inPlaceholder = true
            } else if character == "}" {
                inPlaceholder = false
            } else if !inPlaceholder {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.map(letters).filter { $0.count >= 2 }
    }

    /// Whether some occurrence of `mongolian` in `text` has `chinese` within the `window`
    /// characters after it (the Mongolian line first, its Chinese next).
    public static func mongolian(_ mongolian: String, isFollowedBy chinese: String, within window: Int, in text: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: mongolian) {
            if rest[found.upperBound...].prefix(window).contains(chinese) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }
}
