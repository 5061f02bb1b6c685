import Foundation
import HallCore
import HallScanner
import HallStore
import Hummingbird

/// Capturing a resident's materials into a case (一窗受理 and home visits): checks that the case
/// exists, is still open and has the material on its item's checklist, captures on the window's
/// scanner, and serves, deletes and exports the stored pages. Events go out after the index row is
/// committed.
public final class CapturesFeature: HallFeature {
    /// What the clerk asks for; nil fields take the scanner profile's defaults.
    public struct Request: Codable, Sendable {
        public var material: String
        public var window: Int?
        public var pages: Int?
        public var source: ScanSource?
        public var resolution: Int?
        public var colorMode: ColorMode?
    }

    /// The scanners, nil when the hall has none (stored captures stay readable).
    public let stations: ScannerStations?
    let intake: IntakeService
    private let storage: CaptureStorage
    private let sink: any HallEventSink
    private let clock: any HallClock

    init(
        configuration: HallConfiguration, database: HallDatabase, intake: IntakeService, stations: ScannerStations?,
        sink: any HallEventSink, clock: any HallClock
    ) {
        self.intake = intake
        self.stations = stations
        storage = CaptureStorage(configuration: configuration, database: database)
        self.sink = sink
        self.clock = clock
    }

    public func addRoutes(to router: Router<HallRequestContext>) {
        CaptureRoutes(captures: self).register(on: router)
    }

    /// What a crash during a capture may have left behind goes at start-up.
    public var backgroundWork: [BackgroundWork] {
        [BackgroundWork("capture-orphans") { [storage] in _ = try? await storage.store.sweep(index: storage.index) }]
    }

    /// Removes temporary files and page files that no record points at (see `CaptureStore.sweep`).
    public func sweepOrphans() async throws -> [String] {
        try await storage.store.sweep(index: storage.index)
    }

    /// Department names by id (catalog and the case's item), for refusals that name a department.
    func departmentNames(_ c: Case) async -> [String: String] {
        await ReviewRoutes.departmentNames(intake, c)
    }

    /// Captures pages of one material into `c` on the window's scanner; returns the stored pages.
    func capture(_ request: Request, into c: Case, actor: String) async throws -> (window: Int, records: [CaptureRecord]) {
        try Self.checkOpen(c)
        guard c.item.material(request.material) != nil else { throw CaptureError.unknownMaterial(request.material, item: c.item.name) }
        guard let stations else { throw CaptureError.scannersDisabled }
        let window: Int
        if let chosen = request.window ?? c.window {
            window = chosen
        } else if stations.stations.count == 1 {
            window = stations.stations[0].window
        } else {
            throw CaptureError.windowNeeded
        }
        guard let station = stations.station(window: window) else { throw CaptureError.noScannerAtWindow(window) }
        let options = try Self.options(request, profile: station.service.profile)
        let records = try await station.service.capture(caseID: String(c.id), materialID: request.material, options: options)
        sink.publish([
            event(
                .caseCaptureAdded, c, window: window, actor: actor,
                [
                    "materialID": request.material, "pages": String(records.count),
                    "firstPage": String(records.first?.pageNumber ?? 0), "profile": station.service.profile.id,
                ])
        ])
        return (window, records)
    }

    /// Every page of `c`, in checklist order of its materials, then page order.
    func records(of c: Case) async throws -> [CaptureRecord] {
        let order = Dictionary(c.item.materials.enumerated().map { ($1.id, $0) }) { first, _ in first }
        return try await storage.index.records(caseID: String(c.id)).sorted {
            (order[$0.materialID] ?? Int.max, $0.materialID, $0.pageNumber) < (order[$1.materialID] ?? Int.max, $1.materialID, $1.pageNumber)
        }
    }

    /// One page of `c` by its id.
    func record(_ id: String, of c: Case) async throws -> CaptureRecord {
        guard let uuid = UUID(uuidString: id),
            let record = try await storage.index.records(caseID: String(c.id)).first(where: { $0.id == uuid })
        else {
            throw CaptureError.unknownPage(id)
        }
        return record
    }

    /// The stored image of a page (verified against its hash).
    func image(_ record: CaptureRecord) throws -> Data { try storage.store.data(for: record) }

    /// The thumbnail PNG of a page.
    func thumbnail(_ record: CaptureRecord) throws -> Data { try storage.store.thumbnail(for: record) }

    /// Deletes a wrongly captured page; the later pages of its material move up.
    func delete(_ id: String, of c: Case, actor: String) async throws -> CaptureRecord {
        try Self.checkOpen(c)
        guard let uuid = UUID(uuidString: id),
            let removed = try await storage.store.delete(id: uuid, caseID: String(c.id), index: storage.index)
        else {
            throw CaptureError.unknownPage(id)
        }
        sink.publish([
            event(
                .caseCaptureRemoved, c, window: c.window, actor: actor,
                ["materialID": removed.materialID, "page": String(removed.pageNumber)])
        ])
        return removed
    }

    /// One PDF of every page of `c` (checklist order); nil when it has none.
    func exportPDF(_ c: Case) async throws -> Data? {
        let records = try await records(of: c)
        guard !records.isEmpty else { return nil }
        return try storage.store.exportPDF(records)
    }

    // MARK: Rules

    private static func checkOpen(_ c: Case) throws {
        guard c.state != .closed, c.state != .withdrawn else { throw CaptureError.caseFinished(c.reference, state: c.state.label) }
    }

    /// The profile's capture options with what the request sets. Several pages need the feeder.
    static func options(_ request: Request, profile: ScannerProfile) throws -> ScanOptions {
        var options = profile.captureOptions
        if let source = request.source {
            options.source = source
            // The feeder without a page count: every sheet in it (up to 50).
            if source == .adf, request.pages == nil { options.maxPages = max(options.maxPages, 50) }
        }
        if let pages = request.pages {
            guard (1...200).contains(pages) else { throw CaptureError.outOfRange(name: "pages", value: pages, range: 1...200) }
            guard pages == 1 || options.source == .adf else { throw CaptureError.pagesNeedFeeder(pages) }
            options.maxPages = pages
        }
        if let resolution = request.resolution {
            guard (50...1200).contains(resolution) else {
                throw CaptureError.outOfRange(name: "resolution", value: resolution, range: 50...1200)
            }
            options.resolution = resolution
        }
        if let colorMode = request.colorMode { options.colorMode = colorMode }
        return options
    }

    /// A capture event: identifiers, item, material and counts only.
    private func event(_ type: EventType, _ c: Case, window: Int?, actor: String, _ extra: [String: String]) -> HallEvent {
        var data = ["caseID": String(c.id), "itemID": c.item.id, "state": c.state.rawValue]
        if let number = c.number { data["caseNumber"] = number }
        data.merge(extra) { _, new in new }
        return HallEvent(type: type, at: clock.now(), window: window, actor: actor, data: data)
    }
}
