import Foundation
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
    }

    let config: PageConfig

    init(configuration: HallConfiguration) {
        config = PageConfig(
            timeZone: configuration.queue.timeZoneIdentifier, center: configuration.center.name,
            serviceDescriptions: Dictionary(
                configuration.services.compactMap { s in s.description.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    /// `/assets/hall-config.js`, and every other path the routes do not answer is looked up in the
    /// pages (`FileMiddleware` serves a file only after the routes said 404, wherever it is added).
    public func addRoutes(to router: Router<HallRequestContext>) {
        let script = Self.script(config)
        router.get("assets/hall-config.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: script)))
        }
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
