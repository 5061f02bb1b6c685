import Foundation
import HallCore
import HallDisplay
import Synchronization

/// The hall's voice packs: the recorded clips of each language other than Chinese, checked on
/// upload, kept in SQLite and in memory (a pack is a few dozen clips of at most 256 KiB), and
/// the parts a call is spoken from once every pack is complete.
public final class VoicePacks: CallVoicePacks {
    /// A clip as held in memory.
    struct Clip: Sendable {
        var audio: PCMAudio
        var wav: [UInt8]
        var recordedBy: String
        var recordedAt: Date
    }

    public let languages: ResidentLanguages
    let wording: ResidentWording
    /// The hall's ticket prefixes (their letters are clips).
    let prefixes: [String]
    let store: any VoiceClipStore
    let clock: any HallClock
    private let clips: Mutex<[ResidentLanguage: [String: Clip]]>

    /// Loads the stored clips; one that no longer passes the checks is left out (and so missing).
    init(wording: ResidentWording, prefixes: [String], store: any VoiceClipStore, clock: any HallClock) throws {
        languages = wording.languages
        self.wording = wording
        self.prefixes = prefixes
        self.store = store
        self.clock = clock
        var loaded: [ResidentLanguage: [String: Clip]] = [:]
        for stored in try store.allClips() {
            guard let audio = try? VoiceClipCheck.checked(stored.wav) else { continue }
            loaded[stored.language, default: [:]][stored.name] = Clip(
                audio: audio, wav: stored.wav, recordedBy: stored.recordedBy, recordedAt: stored.recordedAt)
        }
        clips = Mutex(loaded)
    }

    /// The plan of a pack language, from its catalog's `voice.call` (the head's correction included).
    public func plan(_ language: ResidentLanguage) throws(VoicePackError) -> VoicePackPlan {
        let text = wording.catalog(language)?.entries["voice.call"]?.text ?? ""
        return VoicePackPlan(language: language, template: try VoiceTemplate(text), prefixes: prefixes)
    }

    /// The names of the clips recorded for `language`.
    func recorded(_ language: ResidentLanguage) -> [String: Clip] { clips.withLock { $0[language] ?? [:] } }

    /// Whether every pack is complete, so calls are spoken from them.
    public var inUse: Bool {
        !languages.others.isEmpty
            && languages.others.allSatisfy { language in
                (try? plan(language)).map { $0.isComplete(recorded: Set(recorded(language).keys)) } ?? false
            }
    }

    public var hasPacks: Bool { !languages.others.isEmpty }

    public func phrases(for call: DisplayCall) -> [CallPhrase]? {
        guard !languages.others.isEmpty else { return nil }
        var phrases: [CallPhrase] = []
        for language in languages.ordered {
            guard language != .zh else {
                phrases.append(.mandarin)
                continue
            }
            let recorded = recorded(language)
            guard let plan = try? plan(language), plan.isComplete(recorded: Set(recorded.keys)),
                let names = plan.clips(number: call.ticketNumber, window: call.window)
            else { return nil }
            let audio = names.compactMap { recorded[$0.name]?.audio }
            guard audio.count == names.count else { return nil }
            phrases.append(.clips(audio))
        }
        return phrases
    }

    /// A language that has a pack: one of the hall's, other than Chinese.
    func packLanguage(_ code: String) throws(VoicePackError) -> ResidentLanguage {
        guard let language = ResidentLanguage(rawValue: code), languages.others.contains(language) else {
            throw .languageWithoutPack(code)
        }
        return language
    }

    /// A clip of the language's plan.
    func clip(_ name: String, of language: ResidentLanguage) throws(VoicePackError) -> VoiceClip {
        guard let clip = VoiceClip(name: name), try plan(language).required.contains(clip) else { throw .unknownClip(name) }
        return clip
    }

    /// Checks and keeps an uploaded clip (replacing an earlier recording).
    func upload(language code: String, name: String, wav: [UInt8], actor: String) async throws -> Clip {
        let language = try packLanguage(code)
        let clip = try clip(name, of: language)
        let audio = try VoiceClipCheck.checked(wav)
        let now = clock.now()
        try await store.save(StoredVoiceClip(language: language, name: clip.name, wav: wav, recordedBy: actor, recordedAt: now))
        let kept = Clip(audio: audio, wav: wav, recordedBy: actor, recordedAt: now)
        clips.withLock { $0[language, default: [:]][clip.name] = kept }
        return kept
    }

    /// The recorded WAV of a clip.
    func wav(language code: String, name: String) throws(VoicePackError) -> [UInt8] {
        let language = try packLanguage(code)
        guard let kept = recorded(language)[name] else { throw .clipNotRecorded(name) }
        return kept.wav
    }

    /// Removes a recording (the clip is missing again).
    func remove(language code: String, name: String) async throws {
        let language = try packLanguage(code)
        guard try await store.remove(language: language, name: name) else { throw VoicePackError.clipNotRecorded(name) }
        _ = clips.withLock { $0[language]?.removeValue(forKey: name) }
    }
}
