import Foundation

/// One stored clip of a voice pack.
public struct StoredVoiceClip: Sendable, Equatable {
    public var language: ResidentLanguage
    public var name: String
    /// The WAV file as uploaded (already checked against `VoiceClipRules`).
    public var wav: [UInt8]
    public var recordedBy: String
    public var recordedAt: Date

    public init(language: ResidentLanguage, name: String, wav: [UInt8], recordedBy: String, recordedAt: Date) {
        self.language = language
        self.name = name
        self.wav = wav
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Where voice packs' clips are kept.
public protocol VoiceClipStore: Sendable {
    /// Every stored clip (read at start; packs are small: a few dozen clips of at most 256 KiB).
    func allClips() throws -> [StoredVoiceClip]
    /// Adds or replaces a clip.
    func save(_ clip: StoredVoiceClip) async throws
    /// Removes a clip; whether there was one.
    func remove(language: ResidentLanguage, name: String) async throws -> Bool
}
