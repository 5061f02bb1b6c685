import Foundation

/// What the banner publishes down to its halls: the catalog of items, or a year's official calendar.
public enum HubPublicationKind: String, Codable, Sendable, CaseIterable {
    case catalog
    case calendar

    public var label: String {
        switch self {
        case .catalog: "事项目录"
        case .calendar: "法定节假日日历"
        }
    }
}

/// One published version: `id` orders every publication of the hub; `content` is the JSON a local
/// import reads (`hallctl catalog import` / `hallctl calendar import`), as published.
public struct HubPublication: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: HubPublicationKind
    /// The catalog's own `version` (or `#id` without one), or the calendar's year.
    public var label: String
    public var content: String
    public var publishedAt: Date

    public init(id: Int64, kind: HubPublicationKind, label: String, content: String, publishedAt: Date) {
        self.id = id
        self.kind = kind
        self.label = label
        self.content = content
        self.publishedAt = publishedAt
    }

    /// Checks `content` as a local import would, and returns the label it will be known by
    /// (throws the import's own error, e.g. `CatalogError` or `CalendarError`).
    public static func validate(_ kind: HubPublicationKind, content: Data) throws -> String {
        switch kind {
        case .catalog:
            let catalog = try Catalog.decode(from: content)
            return catalog.version.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) } ?? "未标版本"
        case .calendar:
            let schedule = try HolidaySchedule.decode(from: content)
            return String(schedule.year)
        }
    }
}

/// A hall's answer about one publication: applied, or refused by its own validation (with why).
public struct HubPublicationReport: Codable, Sendable, Equatable {
    public var applied: Bool
    public var message: String

    public init(applied: Bool, message: String) {
        self.applied = applied
        self.message = message
    }
}

/// Applies a publication in the hall, with the same validation as a local import.
public protocol HubPublicationApplier: Sendable {
    func apply(_ publication: HubPublication) async throws
}
