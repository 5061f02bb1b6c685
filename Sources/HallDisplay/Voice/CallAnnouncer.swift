import Foundation

/// Speaks calls one after another. `announce` returns at once; a serial queue synthesizes the
/// audio (cached by text) and, where enabled and a sound card exists, plays it locally to the end
/// before the next announcement starts, so announcements never overlap. A recall is announced again.
public final class CallAnnouncer: @unchecked Sendable {
    /// One announcement handled, for status and logs.
    public struct Record: Sendable, Equatable {
        public var call: DisplayCall
        public var text: String
        public var file: URL?
        public var playedLocally: Bool
        public var error: VoiceError?
    }

    public let settings: AnnouncementSettings
    public let cache: VoiceCache
    public let player: (any AudioPlayer)?
    /// Recorded voice packs: once complete, calls are spoken from them and the Mandarin together.
    public let packs: (any CallVoicePacks)?
    /// Called on the announcer's queue when the audio of a call is ready (e.g. to tell hall screens).
    public let onAudioReady: (@Sendable (DisplayCall, URL) -> Void)?

    private let queue = DispatchQueue(label: "hall.call-announcer")
    private let lock = NSLock()
    private var records: [Record] = []
    private let keepRecords = 50

    /// - Parameter player: nil plays nothing locally; by default `aplay` when the host has a sound card.
    public init(
        settings: AnnouncementSettings = AnnouncementSettings(), cache: VoiceCache,
        player: (any AudioPlayer)? = CommandAudioPlayer.hostHasSoundCard() ? CommandAudioPlayer() : nil,
        packs: (any CallVoicePacks)? = nil, onAudioReady: (@Sendable (DisplayCall, URL) -> Void)? = nil
    ) {
        self.settings = settings
        self.cache = cache
        self.player = player
        self.packs = packs
        self.onAudioReady = onAudioReady
    }

    /// The text spoken for `call`.
    public func spokenText(for call: DisplayCall) -> String { settings.spokenText(for: call) }

    /// The audio file speaking `text` (synthesized now unless cached), for the hall screen page.
    public func audioFile(for text: String) throws(VoiceError) -> URL { try cache.audioFile(for: text) }

    /// Queues `call` for speaking; returns at once.
    public func announce(_ call: DisplayCall) {
        queue.async { [self] in speak(call) }
    }

    /// Waits until every announcement queued so far is done.
    public func waitUntilIdle() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in queue.async { c.resume() } }
    }

    /// The latest announcements, oldest first.
    public func recent() -> [Record] { lock.withLock { records } }

    private func speak(_ call: DisplayCall) {
        let text = spokenText(for: call)
        var record = Record(call: call, text: text, file: nil, playedLocally: false, error: nil)
        do {
            let file = try audioFile(for: call)
            record.file = file
            onAudioReady?(call, file)
            if settings.playLocally, let player {
                try player.play(file)
                record.playedLocally = true
            }
        } catch {
            record.error = error
        }
        lock.withLock {
            records.append(record)
            if records.count > keepRecords { records.removeFirst(records.count - keepRecords) }
        }
    }
}
