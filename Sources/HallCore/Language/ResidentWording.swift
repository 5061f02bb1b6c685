import Foundation
import Synchronization

/// The strings residents see in the hall's languages: the catalog files as shipped, with the
/// head's corrections laid over them. Only the languages other than Chinese can be corrected:
/// Chinese wording ships with the program (tickets print it in the printer's own font).
public final class ResidentWording: Sendable {
    public let languages: ResidentLanguages
    private let shipped: [ResidentLanguage: MessageCatalog]
    private let store: any WordingCorrectionStore
    private let clock: any HallClock
    private let sink: any HallEventSink
    private let state: Mutex<[WordingCorrection]>

    /// `shipped`: the catalog files of every configured language (empty in a Chinese-only hall);
    /// `corrections`: those stored, read at start.
    public init(
        languages: ResidentLanguages, shipped: [ResidentLanguage: MessageCatalog], corrections: [WordingCorrection],
        store: any WordingCorrectionStore, clock: any HallClock, sink: any HallEventSink
    ) {
        self.languages = languages
        self.shipped = shipped
        self.state = Mutex(corrections)
        self.store = store
        self.clock = clock
        self.sink = sink
    }

    /// Stored corrections that no longer fit the shipped catalogs (a key an update removed,
    /// placeholders it changed): kept, but not used.
    public var unusable: [WordingCorrection] { corrections().filter { problem(of: $0) != nil } }

    /// The catalog of `language` as residents see it now (nil when the hall does not show it).
    public func catalog(_ language: ResidentLanguage) -> MessageCatalog? {
        guard var catalog = shipped[language] else { return nil }
        for correction in corrections() where correction.language == language && problem(of: correction) == nil {
            catalog.set(correction.key, .init(text: correction.text, reviewed: correction.reviewed))
        }
        return catalog
    }

    /// The catalog file's text of `key` in `language`, before any correction.
    public func shippedText(_ language: ResidentLanguage, _ key: String) -> String? { shipped[language]?.entries[key]?.text }

    /// Every stored correction, sorted by language and key.
    public func corrections() -> [WordingCorrection] {
        state.withLock { $0 }.sorted { ($0.language.rawValue, $0.key) < ($1.language.rawValue, $1.key) }
    }

    /// Corrects `key` in the language `code`; the text must pass the catalog's own check.
    public func correct(language code: String, key: String, text: String, reviewed: Bool, actor: String) async throws -> WordingCorrection {
        let language = try correctable(code, key)
        let correction = WordingCorrection(
            language: language, key: key, text: text.trimmingCharacters(in: .whitespacesAndNewlines), reviewed: reviewed,
            correctedBy: actor, correctedAt: clock.now())
        if let problem = problem(of: correction) { throw WordingError.invalidText(problem) }
        let event = try await store.save(correction, event: event(language, key, actor))
        state.withLock { all in
            all.removeAll { $0.language == language && $0.key == key }
            all.append(correction)
        }
        sink.publish([event])
        return correction
    }

    /// Removes the correction of `key` in `code`: the shipped text applies again.
    public func removeCorrection(language code: String, key: String, actor: String) async throws {
        let language = try correctable(code, key)
        guard let event = try await store.remove(language: language, key: key, event: event(language, key, actor)) else { return }
        state.withLock { $0.removeAll { $0.language == language && $0.key == key } }
        sink.publish([event])
    }

    /// The catalog of `code` with the corrections, as a catalog file holds it.
    public func export(language code: String) throws -> Data {
        guard let language = ResidentLanguage(rawValue: code), let catalog = catalog(language) else {
            throw WordingError.languageNotShown(code)
        }
        return try catalog.json()
    }

    private func correctable(_ code: String, _ key: String) throws(WordingError) -> ResidentLanguage {
        guard let language = ResidentLanguage(rawValue: code), languages.others.contains(language) else {
            throw .languageNotShown(code)
        }
        guard shipped[.zh]?.entries[key] != nil else { throw .unknownKey(key) }
        return language
    }

    /// What makes `correction` unusable against the shipped Chinese catalog, if anything.
    private func problem(of correction: WordingCorrection) -> LanguageError? {
        guard let chinese = shipped[.zh]?.entries[correction.key]?.text else { return .unknownKey(correction.key) }
        return CatalogCheck.check(key: correction.key, correction.text, in: correction.language, chinese: chinese).first
    }

    private func event(_ language: ResidentLanguage, _ key: String, _ actor: String) -> HallEvent {
        HallEvent(type: .wordingCorrected, at: clock.now(), actor: actor, data: ["language": language.rawValue, "key": key])
    }
}
