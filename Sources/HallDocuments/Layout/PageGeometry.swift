/// The size and margins of a page, in PostScript points (1/72 inch).
public struct PageGeometry: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var marginTop: Double
    public var marginBottom: Double
    public var marginLeft: Double
    public var marginRight: Double
    /// Height reserved at the bottom of every page, inside the bottom margin, for the footer.
    public var footerHeight: Double

    public init(
        width: Double, height: Double, marginTop: Double, marginBottom: Double,
        marginLeft: Double, marginRight: Double, footerHeight: Double
    ) {
        self.width = width
        self.height = height
        self.marginTop = marginTop
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
        self.marginRight = marginRight
        self.footerHeight = footerHeight
    }

    /// A4 portrait (595 × 842 pt): about 20 mm top and bottom, 24 mm left, 22 mm right, so a
    /// notice with a dozen materials still fits on one sheet.
    public static let a4 = PageGeometry(
        width: 595, height: 842, marginTop: 56, marginBottom: 40,
        marginLeft: 68, marginRight: 64, footerHeight: 20)

    /// Width available to the body text.
    public var contentWidth: Double { width - marginLeft - marginRight }
    /// The lowest y the body may reach before a page break.
    public var contentBottom: Double { height - marginBottom - footerHeight }
}

extension PageGeometry {
    /// A4 landscape (842 × 595 pt), for wide ledgers.
    public static let a4Landscape = PageGeometry(
        width: 842, height: 595, marginTop: 56, marginBottom: 48,
        marginLeft: 56, marginRight: 56, footerHeight: 20)
}
