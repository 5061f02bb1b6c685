import HallCore
import HallStore
import Hummingbird
import Logging

/// The strings residents see, in the hall's languages: the shipped catalogs (`data/i18n`) with
/// the head's corrections, read by the pages, the ticket printer and the admin page.
public final class WordingFeature: HallFeature {
    public let wording: ResidentWording

    init(catalogs: ResidentCatalogs, database: HallDatabase, clock: any HallClock, sink: any HallEventSink, logger: Logger) throws {
        let store = SQLiteWordingCorrectionStore(database)
        wording = ResidentWording(
            languages: catalogs.languages, shipped: catalogs.catalogs, corrections: try store.corrections(), store: store,
            clock: clock, sink: sink)
        for correction in wording.unusable {
            logger.warning("the correction of \(correction.language.rawValue) '\(correction.key)' no longer fits the catalog: not used")
        }
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        WordingRoutes(wording: wording).register(on: router)
    }
}
