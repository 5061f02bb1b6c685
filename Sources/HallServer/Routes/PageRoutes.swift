import Foundation
import Hummingbird

/// Serves the hall's web pages from the bundled `Resources/public` folder (no external CDN:
/// everything works offline in the hall).
struct PageRoutes {
    func register(on router: Router<HallRequestContext>) {
        guard let root = Bundle.module.url(forResource: "Resources/public", withExtension: nil) else { return }
        router.add(middleware: FileMiddleware(root.path, searchForIndexHtml: true))
    }
}
