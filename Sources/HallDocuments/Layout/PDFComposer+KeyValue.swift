/// A labelled value on a form, e.g. 申请事项：个体工商户设立登记.
public struct KeyValueRow: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

extension PDFComposer {
    /// Label/value rows: the label in bold in a fixed column followed by a full-width colon,
    /// the value wrapped in the rest of the line. Each row stays on one page.
    ///
    /// With `pairShortRows`, two neighbouring rows whose values fit on one line in half the
    /// width share a line (left and right half), which keeps a notice on one sheet; their labels
    /// get `pairLabelWidth` (by default the smaller of `labelWidth` and 86 points).
    public func keyValueRows(
        _ rows: [KeyValueRow], labelWidth: Double = 112, pairLabelWidth: Double? = nil, style: TextStyle = .body,
        pairShortRows: Bool = false
    ) {
        let halfWidth = geometry.contentWidth / 2
        let pairLabelWidth = pairLabelWidth ?? min(labelWidth, 86)
        var index = 0
        while index < rows.count {
            if pairShortRows, index + 1 < rows.count,
                let left = singleLineCell(rows[index], labelWidth: pairLabelWidth, width: halfWidth - 8, style: style),
                let right = singleLineCell(rows[index + 1], labelWidth: pairLabelWidth, width: halfWidth, style: style)
            {
                let height = max(left.height, right.height)
                ensureSpace(height)
                setColor(gray: 0)
                left.draw(x: geometry.marginLeft, y: cursorY)
                right.draw(x: geometry.marginLeft + halfWidth, y: cursorY)
                advance(height)
                space(1)
                index += 2
                continue
            }
            let cell = KeyValueCell(
                label: makeBlock(rows[index].label + "：", style: style.emphasized, width: labelWidth),
                value: makeBlock(
                    displayValue(rows[index]), style: style,
                    width: geometry.contentWidth - labelWidth),
                labelWidth: labelWidth)
            ensureSpace(cell.height)
            setColor(gray: 0)
            cell.draw(x: geometry.marginLeft, y: cursorY)
            advance(cell.height)
            space(1)
            index += 1
        }
        space(3)
    }

    private func displayValue(_ row: KeyValueRow) -> String {
        row.value.isEmpty ? "—" : row.value
    }

    /// The row laid out in `width`, or nil when label or value would wrap (a label or a value of
    /// one line per language may hold that many lines).
    private func singleLineCell(_ row: KeyValueRow, labelWidth: Double, width: Double, style: TextStyle) -> KeyValueCell? {
        let label = makeBlock(row.label + "：", style: style.emphasized, width: labelWidth)
        let value = makeBlock(displayValue(row), style: style, width: width - labelWidth)
        let labelLines = row.label.split(separator: "\n", omittingEmptySubsequences: false).count
        let valueLines = displayValue(row).split(separator: "\n", omittingEmptySubsequences: false).count
        guard label.lines.count == labelLines, value.lines.count == valueLines else { return nil }
        return KeyValueCell(label: label, value: value, labelWidth: labelWidth)
    }
}

/// A laid-out label and value.
private struct KeyValueCell {
    let label: TextBlock
    let value: TextBlock
    let labelWidth: Double

    var height: Double { max(label.height, value.height) }

    func draw(x: Double, y: Double) {
        label.draw(x: x, y: y)
        value.draw(x: x + labelWidth, y: y)
    }
}
