import CPangoCairo

/// How a run of text is set: font family, size, weight, alignment and line spacing.
public struct TextStyle: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, center, right }

    public var family: String
    public var size: Double
    public var bold: Bool
    public var alignment: Alignment
    /// Line height as a multiple of the font's natural line height.
    public var lineSpacing: Double

    public init(
        family: String = TextStyle.serifFamily, size: Double = 12, bold: Bool = false,
        alignment: Alignment = .left, lineSpacing: Double = 1.05
    ) {
        self.family = family
        self.size = size
        self.bold = bold
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    /// Noto Serif CJK SC (Debian package fonts-noto-cjk): the 宋体-like face of the body.
    public static let serifFamily = "Noto Serif CJK SC"
    /// Noto Sans CJK SC (Debian package fonts-noto-cjk): the 黑体-like face of labels and tables.
    public static let sansFamily = "Noto Sans CJK SC"
    /// Noto Sans Mongolian (Debian package fonts-noto-core): traditional Mongolian, set horizontally.
    public static let mongolianFamily = "Noto Sans Mongolian"

    /// Document title: serif, bold, 22 pt (二号), centred.
    public static let title = TextStyle(size: 22, bold: true, alignment: .center, lineSpacing: 1.0)
    /// Section heading: sans, bold, 14 pt.
    public static let heading = TextStyle(family: sansFamily, size: 14, bold: true)
    /// Body paragraph: serif, 12 pt.
    public static let body = TextStyle()
    /// Table cell and key/value text: serif, 11 pt.
    public static let cell = TextStyle(size: 11, lineSpacing: 1.0)
    /// Table header text: sans, bold, 11 pt, centred.
    public static let cellHeader = TextStyle(
        family: sansFamily, size: 11, bold: true,
        alignment: .center, lineSpacing: 1.0)
    /// Small print: footers, captions.
    public static let small = TextStyle(family: sansFamily, size: 9, alignment: .center)

    /// A printed link (under a QR code): sans, 7.5 pt, left.
    public static let link = TextStyle(family: sansFamily, size: 7.5, lineSpacing: 1.0)

    /// A copy with another alignment.
    public func aligned(_ alignment: Alignment) -> TextStyle {
        var copy = self
        copy.alignment = alignment
        return copy
    }

    /// A copy with the size multiplied by `factor`.
    public func scaled(_ factor: Double) -> TextStyle {
        var copy = self
        copy.size = size * factor
        return copy
    }

    /// A copy in bold.
    public var emphasized: TextStyle {
        var copy = self
        copy.bold = true
        return copy
    }

    var pangoAlignment: PangoAlignment {
        switch alignment {
        case .left: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .right: PANGO_ALIGN_RIGHT
        }
    }
}
