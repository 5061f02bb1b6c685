/// Setting a notice's fixed wording in each of its languages, one above the other at the same size.
extension PDFComposer {
    /// The style of one language's line: Mongolian in Noto Sans Mongolian (fonts-noto-core), the
    /// values inside it (Chinese names) in the style's own face. The Mongolian face's line height
    /// is made for vertical setting, about twice the Chinese one: its lines are packed to
    /// `mongolianLineSpacing` of it.
    static func style(_ style: TextStyle, for line: DocumentWording.Line) -> TextStyle {
        guard !line.isChinese else { return style }
        var copy = style
        copy.family = "\(TextStyle.mongolianFamily), \(style.family)"
        copy.lineSpacing = style.lineSpacing * mongolianLineSpacing
        return copy
    }

    static let mongolianLineSpacing = 0.6

    /// Each line as its own block; `between` points separate the languages, `spacingAfter` follows the last.
    func say(
        _ lines: [DocumentWording.Line], style: TextStyle = .body, firstLineIndent: Double = 0,
        spacingAfter: Double = 6, between: Double = 2
    ) {
        for (index, line) in lines.enumerated() {
            text(
                line.text, style: Self.style(style, for: line), firstLineIndent: firstLineIndent,
                spacingAfter: index == lines.count - 1 ? spacingAfter : between)
        }
    }

    /// Signature lines, each in every language, right-aligned.
    func signatureLines(_ texts: [DocumentText]) {
        for line in texts.flatMap(\.lines) {
            signatureLines([line.text], style: Self.style(.body, for: line))
        }
    }

    /// The title in each language (centred, bold).
    func title(_ lines: [DocumentWording.Line]) {
        say(lines, style: .title, spacingAfter: 8, between: 2)
    }

    /// A section heading in each language, kept with the next few lines.
    func heading(_ lines: [DocumentWording.Line]) {
        guard lines.count > 1 else {
            lines.first.map { heading($0.text) }
            return
        }
        let headingHeight = TextStyle.heading.size * 1.4 * Double(lines.count)
        ensureSpace((headingHeight + 3 * TextStyle.body.size * TextStyle.body.lineSpacing) * scale)
        space(2)
        say(lines, style: .heading, spacingAfter: 4, between: 1)
    }

    /// A body paragraph in each language, each with the two-character first-line indent.
    func paragraph(_ lines: [DocumentWording.Line]) {
        say(lines, style: .body, firstLineIndent: 2 * TextStyle.body.size, spacingAfter: 6, between: 3)
    }

    /// Numbered items, each in every language (1. … in each); `extra` items are printed as given.
    func numberedItems(_ items: [[DocumentWording.Line]], extra: [String]) {
        guard items.contains(where: { $0.count > 1 }) else {
            numberedItems(items.compactMap { $0.first?.text } + extra)
            return
        }
        for (index, lines) in items.enumerated() {
            say(lines.map { .init(text: "\(index + 1). \($0.text)", isChinese: $0.isChinese) }, spacingAfter: 3, between: 1)
        }
        for (index, item) in extra.enumerated() {
            text("\(items.count + index + 1). \(item)", style: .body, spacingAfter: 3)
        }
        space(4)
    }
}
