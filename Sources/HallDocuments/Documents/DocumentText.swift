import HallCore

/// A document's fixed text in each of its languages, in printing order: set one under the other
/// at the same size, Mongolian in its own face. A Chinese-only text is one line.
public struct DocumentText: Sendable, Equatable, ExpressibleByStringLiteral {
    let lines: [DocumentWording.Line]

    /// A text in Chinese only, e.g. the staff ledger's.
    public init(_ chinese: String) {
        lines = [DocumentWording.Line(text: chinese, isChinese: true)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    init(lines: [DocumentWording.Line]) {
        self.lines = lines
    }

    /// The Chinese line (all lines joined when there is none): the PDF's metadata title.
    public var chinese: String {
        lines.first(where: \.isChinese)?.text ?? lines.map(\.text).joined(separator: " ")
    }
}

extension DocumentWording {
    /// Each language's text of `key`, `values` and `dates` filled in, as one document text; `ownValues`
    /// as in ``lines(_:_:dates:keys:ownValues:)`` (the center's Mongolian name in the Mongolian line).
    public func text(
        _ key: String, _ values: [String: String] = [:], dates: [String: LocalDay] = [:], ownValues: [String: [String: String]] = [:]
    ) -> DocumentText {
        DocumentText(lines: lines(key, values, dates: dates, ownValues: ownValues))
    }

    /// The center's name, with its Mongolian name in a bilingual document when it has one, in the
    /// order of the languages.
    public func centerName(_ center: ServiceCenterInfo) -> DocumentText {
        var names = [Line(text: center.name, isChinese: true)]
        if isBilingual, let mongolian = center.mongolianName, !mongolian.isEmpty {
            let mongolianFirst = languages.first?.isChinese == false
            names.insert(Line(text: mongolian, isChinese: false), at: mongolianFirst ? 0 : 1)
        }
        return DocumentText(lines: names)
    }
}
