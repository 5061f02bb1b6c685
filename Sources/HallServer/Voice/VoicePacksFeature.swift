import HallCore
import HallStore
import Hummingbird

/// Voice packs: recorded clips per language, so calls are spoken in Mongolian (which espeak-ng
/// has no voice for) before or after the Mandarin. docs/languages.md.
public final class VoicePacksFeature: HallFeature {
    public let packs: VoicePacks

    init(wording: ResidentWording, configuration: HallConfiguration, database: HallDatabase, clock: any HallClock) throws {
        packs = try VoicePacks(
            wording: wording, prefixes: configuration.services.map(\.prefix), store: SQLiteVoiceClipStore(database), clock: clock)
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        VoicePackRoutes(packs: packs).register(on: router)
    }
}
