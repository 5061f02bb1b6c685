import Foundation
import HallCore

/// Applies the banner's publications through the hall's own imports: the catalog as
/// `hallctl catalog import` does, a year's calendar as `hallctl calendar import --replace` does
/// (the banner's newer version of a year replaces the older one). Their validation refuses what
/// a local import would refuse.
struct IntakePublicationApplier: HubPublicationApplier {
    let intake: IntakeService

    func apply(_ publication: HubPublication) async throws {
        let data = Data(publication.content.utf8)
        switch publication.kind {
        case .catalog: _ = try await intake.importCatalog(data, actor: "hub")
        case .calendar: _ = try await intake.importSchedule(data, replacing: true, actor: "hub")
        }
    }
}
