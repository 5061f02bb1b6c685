import Foundation
import HallCore

/// `GET /api/voice-packs`: each pack's clips with their state and the missing ones.
struct VoicePackListing: Encodable {
    struct ClipState: Encodable {
        var name: String
        var label: String
        var kind: String
        var recorded: Bool
        var seconds: Double?
        var recordedBy: String?
        var recordedAt: Date?

        /// The state of clip `name` (`clip` when the name parses), recorded as `kept` or missing.
        init(name: String, clip: VoiceClip?, kept: VoicePacks.Clip?) {
            self.name = name
            label = clip?.label ?? name
            kind = clip?.kind ?? ""
            recorded = kept != nil
            seconds = kept.map { ($0.audio.duration * 100).rounded() / 100 }
            recordedBy = kept?.recordedBy
            recordedAt = kept?.recordedAt
        }
    }

    struct Pack: Encodable {
        var language: String
        /// The `voice.call` template the words come from.
        var template: String
        var complete: Bool
        var clips: [ClipState]
        /// Names of the clips still to record, in the pack's order.
        var missing: [String]
        /// Why the pack cannot be planned (a bad template), if so.
        var problem: String?
    }

    /// The rules every clip follows.
    var sampleRate = VoiceClipRules.sampleRate
    var maxSeconds = VoiceClipRules.maxSeconds
    var maxBytes = VoiceClipRules.maxBytes
    /// The hall's languages, in the order a call is spoken.
    var languages: [String]
    /// Whether calls are spoken from the packs now (every pack complete).
    var inUse: Bool
    var packs: [Pack]

    init(_ packs: VoicePacks) {
        languages = packs.languages.ordered.map(\.rawValue)
        inUse = packs.inUse
        self.packs = packs.languages.others.map { language in
            let template = packs.wording.catalog(language)?.entries["voice.call"]?.text ?? ""
            let recorded = packs.recorded(language)
            do throws(VoicePackError) {
                let plan = try packs.plan(language)
                let states = plan.required.map { ClipState(name: $0.name, clip: $0, kept: recorded[$0.name]) }
                let missing = plan.missing(recorded: Set(recorded.keys)).map(\.name)
                return Pack(
                    language: language.rawValue, template: template, complete: missing.isEmpty, clips: states, missing: missing,
                    problem: nil)
            } catch {
                return Pack(language: language.rawValue, template: template, complete: false, clips: [], missing: [], problem: error.message)
            }
        }
    }
}
