/// One language's part of a spoken call.
public enum CallPhrase: Sendable, Equatable {
    /// The Mandarin phrase as espeak-ng speaks it from the voice template (repeats included).
    case mandarin
    /// A voice pack's clips for the call, in order; said `repeatCount` times.
    case clips([PCMAudio])
}

/// The hall's recorded voice packs, as the announcer needs them.
public protocol CallVoicePacks: Sendable {
    /// Whether the hall has packs at all (a language other than Chinese): a call's audio then
    /// changes when a pack becomes complete or incomplete, so clients must not keep it long.
    var hasPacks: Bool { get }
    /// The parts of `call` in the order of the hall's languages; nil while calls are Mandarin only
    /// (a one-language hall, or a pack not complete).
    func phrases(for call: DisplayCall) -> [CallPhrase]?
}
