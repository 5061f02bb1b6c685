import CPangoCairo

extension PDFComposer {
    /// Draws `matrix` as filled vector squares (each row's dark runs merged into one rectangle)
    /// with its top-left corner at (`x`, `y`), `side` points wide including a four-module quiet zone.
    public func drawQRCode(_ matrix: QRMatrix, x: Double, y: Double, side: Double) {
        let quietZone = 4
        let module = side / Double(matrix.size + 2 * quietZone)
        let originX = x + Double(quietZone) * module
        let originY = y + Double(quietZone) * module
        setColor(gray: 0)
        for row in 0..<matrix.size {
            for run in matrix.darkRuns(row: row) {
                cairo_rectangle(
                    cr, originX + Double(run.start) * module, originY + Double(row) * module,
                    Double(run.length) * module, module)
            }
        }
        cairo_fill(cr)
    }

    /// A QR code block at the left margin with an optional caption under it.
    public func qrCode(_ matrix: QRMatrix, side: Double = 96, caption: String? = nil) {
        let side = side * scale
        let captionBlock = caption.map { makeBlock($0, style: .small.aligned(.left), width: geometry.contentWidth) }
        ensureSpace(side + (captionBlock?.height ?? 0))
        drawQRCode(matrix, x: geometry.marginLeft, y: cursorY, side: side)
        advance(side)
        if let captionBlock {
            setColor(gray: 0)
            captionBlock.draw(x: geometry.marginLeft, y: cursorY)
            advance(captionBlock.height)
        }
        space(6)
    }
}
