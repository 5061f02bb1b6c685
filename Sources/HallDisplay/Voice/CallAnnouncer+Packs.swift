import Foundation
import HallCore

extension CallAnnouncer {
    /// Silence between two phrases of a call spoken from voice packs (seconds).
    public static let phraseGap = 0.4

    /// The audio of `call` as the hall speaks it: the Mandarin phrase alone (espeak-ng, the very
    /// file of `audioFile(for: spokenText(for: call))`) until every pack is complete, then each
    /// language's part in the hall's order, joined into one WAV at the packs' rate.
    public func audioFile(for call: DisplayCall) throws(VoiceError) -> URL {
        let mandarinFile = try cache.audioFile(for: spokenText(for: call))
        guard let phrases = packs?.phrases(for: call) else { return mandarinFile }
        guard let data = try? Data(contentsOf: mandarinFile), let mandarin = PCMAudio(wav: [UInt8](data)) else {
            throw .noAudio("\(mandarinFile.lastPathComponent) is not mono 16-bit PCM: cannot join it to the voice packs")
        }
        return try cache.storeJoined(Self.joined(phrases, mandarin: mandarin, repeatCount: settings.repeatCount).wavBytes())
    }

    /// The parts one after another, `phraseGap` apart: a pack's phrase (its clips back to back)
    /// `repeatCount` times (1…5), the Mandarin audio once (its text holds the repeats).
    public static func joined(_ phrases: [CallPhrase], mandarin: PCMAudio, repeatCount: Int) -> PCMAudio {
        let rate = VoiceClipRules.sampleRate
        var parts: [PCMAudio] = []
        for phrase in phrases {
            switch phrase {
            case .mandarin:
                parts.append(mandarin)
            case .clips(let clips):
                let once = PCMAudio.joined(clips, gap: 0, sampleRate: rate)
                parts += Array(repeating: once, count: min(max(repeatCount, 1), 5))
            }
        }
        return PCMAudio.joined(parts, gap: phraseGap, sampleRate: rate)
    }
}
