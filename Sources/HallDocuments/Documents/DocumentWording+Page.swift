/// The parts of a page the wording decides: the footer, the seal's words and the room they take.
extension DocumentWording {
    /// The page footer in each language (第 n 页 共 m 页), one line each.
    func footer(page: Int, of total: Int) -> String {
        label("doc.footer.page", ["page": "\(page)", "total": "\(total)"])
    }

    /// A4, with room for a footer line per language.
    public var pageGeometry: PageGeometry {
        var geometry = PageGeometry.a4
        geometry.footerHeight *= Double(max(languages.count, 1)) * 0.75 + 0.25
        return geometry
    }

    /// The words over the seal in each language: the center's name and （盖章）, the Mongolian name
    /// when the center has one.
    func sealLabel(_ center: ServiceCenterInfo) -> String {
        languages.compactMap { language -> String? in
            guard let seal = language.texts["doc.notice.seal"] else { return nil }
            let name = language.isChinese ? center.name : (center.mongolianName ?? "")
            return name.isEmpty ? seal : language.isChinese ? "\(name)\(seal)" : "\(name) \(seal)"
        }.joined(separator: "\n")
    }
}
