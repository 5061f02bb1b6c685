import Foundation
import HallCore
import Hummingbird
import NIOCore

/// The hall's web pages, served from the bundled `Resources/public` folder (no external CDN:
/// everything works offline in the hall), and `/assets/hall-config.js`, which tells every page the
/// hall's time zone and name as halld is configured, so screens show the hall's time whatever the
/// browser's own zone.
public final class PagesFeature: HallFeature {
    /// What the pages need to know of the configuration (nothing secret).
    struct PageConfig: Encodable {
        var timeZone: String
        var center: String
        /// The kiosk's one line per service (service id → description), for the services that have one.
        var serviceDescriptions: [String: String] = [:]
        /// The residents' languages in display order (`center.languages`), e.g. `["mn", "zh"]`.
        var languages: [String] = ["zh"]
        /// A bilingual hall's page wording per language (code → catalog key → text); absent otherwise.
        var messages: [String: [String: String]]?
        /// A bilingual hall's center and service names in traditional Mongolian, where configured.
        var mongolianCenter: String?
        var mongolianServices: [String: String]?
    }

    /// Everything but the wording, which the head may correct while halld runs.
    private let fixed: PageConfig
    private let wording: ResidentWording

    /// What `/assets/hall-config.js` says now.
    var config: PageConfig {
        var config = fixed
        if wording.languages.isBilingual { config.messages = wording.pageMessages() }
        return config
    }

    init(configuration: HallConfiguration, wording: ResidentWording) {
        let services = configuration.services
        func byID(_ value: (Service) -> String?) -> [String: String] {
            Dictionary(services.compactMap { s in value(s).map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        var config = PageConfig(
            timeZone: configuration.queue.timeZoneIdentifier, center: configuration.center.name,
            serviceDescriptions: byID(\.description), languages: wording.languages.ordered.map(\.rawValue))
        if wording.languages.isBilingual {
            let center = configuration.center.mongolianName
            config.mongolianCenter = center.isEmpty ? nil : center
            config.mongolianServices = byID(\.mongolianName)
        }
        self.fixed = config
        self.wording = wording
    }

    /// `/assets/hall-config.js`, and every other path the routes do not answer is looked up in the
    /// pages (`FileMiddleware` serves a file only after the routes said 404, wherever it is added).
    public func addRoutes(to router: Router<HallRequestContext>) {
        router.get("assets/hall-config.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: Self.script(self.config))))
        }
        router.get("assets/fonts/mongolian.ttf") { _, _ in try MongolianFont.response() }
        guard let root = Bundle.module.url(forResource: "Resources/public", withExtension: nil) else { return }
        router.add(middleware: PagePathGuard())
        router.add(middleware: FileMiddleware(root.path, searchForIndexHtml: true))
    }

    /// `window.HallConfig = {…};` with the configuration as JSON (JSON is valid JavaScript).
    static func script(_ config: PageConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(config)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "window.HallConfig = \(json);\n"
    }
}
