import CPangoCairo

/// The issuer's seal area at the foot of a form: 某某镇便民服务中心（盖章） and the date,
/// with a dashed circle where the seal is stamped.
public struct SealPlaceholder: Sendable, Equatable {
    /// The issuing body, e.g. 某某镇便民服务中心.
    public var organization: String
    /// The date line under it, e.g. 2026年11月25日.
    public var date: String

    public init(organization: String, date: String) {
        self.organization = organization
        self.date = date
    }
}

extension PDFComposer {
    /// The closing band of a form: on the left an optional QR code with its caption and the
    /// link it encodes (for those who type it), on the right the seal placeholder (organization +
    /// （盖章）, date, dashed stamp circle). The band never splits across pages. `sealLabel` replaces
    /// the words over the seal (organization + （盖章）), e.g. with one line per language.
    public func closingBlock(
        seal: SealPlaceholder, sealLabel: String? = nil, qrCode: QRMatrix? = nil, qrCaption: String? = nil,
        qrText: String? = nil, qrSide: Double = 84
    ) {
        let columnWidth = 250.0
        let leftWidth = geometry.contentWidth - columnWidth - 12
        let qrSide = qrSide * scale
        let orgBlock = makeBlock(sealLabel ?? "\(seal.organization)（盖章）", style: .body.aligned(.center), width: columnWidth)
        let dateBlock = makeBlock(seal.date, style: .body.aligned(.center), width: columnWidth)
        let captionBlock = qrCaption.map { makeBlock($0, style: .small.aligned(.left), width: leftWidth) }
        let linkBlock = qrText.map { makeBlock($0, style: .link, width: leftWidth) }
        let sealRadius = 42.0 * scale
        let sealHeight = 2 * sealRadius + 8 * scale
        let qrHeight = qrCode == nil ? 0 : qrSide + (captionBlock?.height ?? 0) + (linkBlock?.height ?? 0)
        let height = max(sealHeight, qrHeight)
        ensureSpace(height)
        let top = cursorY

        if let qrCode {
            drawQRCode(qrCode, x: geometry.marginLeft, y: top, side: qrSide)
            setColor(gray: 0)
            var y = top + qrSide
            if let captionBlock {
                captionBlock.draw(x: geometry.marginLeft, y: y)
                y += captionBlock.height
            }
            linkBlock?.draw(x: geometry.marginLeft, y: y)
        }

        let columnX = geometry.width - geometry.marginRight - columnWidth
        let textTop = top + sealRadius - orgBlock.height
        setColor(gray: 0)
        orgBlock.draw(x: columnX, y: textTop)
        dateBlock.draw(x: columnX, y: textTop + orgBlock.height + 4 * scale)

        cairo_save(cr)
        setColor(gray: 0.55)
        cairo_set_line_width(cr, 0.8)
        var dashes: [Double] = [4, 3]
        cairo_set_dash(cr, &dashes, Int32(dashes.count), 0)
        cairo_new_sub_path(cr)
        cairo_arc(cr, columnX + columnWidth / 2, top + sealRadius + 4 * scale, sealRadius, 0, 2 * Double.pi)
        cairo_stroke(cr)
        cairo_restore(cr)

        moveCursor(to: top + height)
        space(8)
    }

    /// Signature lines such as 申请人签收：__________ drawn right-aligned, one per line.
    public func signatureLines(_ lines: [String], style: TextStyle = .body) {
        for line in lines {
            text(line, style: style.aligned(.right), spacingAfter: 8)
        }
    }
}
