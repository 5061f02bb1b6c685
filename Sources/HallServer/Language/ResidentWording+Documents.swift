import HallCore
import HallDocuments

extension ResidentWording {
    /// The notices' fixed wording as residents read it now: built in Chinese in a Chinese-only hall,
    /// else the `doc.*` keys of each configured language's catalog, with the head's corrections, in
    /// the order of `center.languages`.
    func documentWording() -> DocumentWording {
        guard languages.isBilingual else { return .chinese }
        return DocumentWording(
            languages: languages.ordered.compactMap { language in
                catalog(language).map { catalog in
                    DocumentWording.Language(
                        code: language.rawValue, texts: catalog.entries.filter { $0.key.hasPrefix("doc.") }.mapValues(\.text))
                }
            })
    }
}

extension HallConfiguration.Center {
    /// The center as the documents print it: name, phone, and the Mongolian name (nil when not set).
    var documentInfo: ServiceCenterInfo {
        ServiceCenterInfo(name: name, phone: phone, mongolianName: mongolianName.isEmpty ? nil : mongolianName)
    }
}
