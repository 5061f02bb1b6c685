/// A ticket as the kiosk shows it right after issue.
public struct IssuedTicket: Codable, Sendable, Equatable {
    public var ticket: Ticket
    public var serviceName: String
    /// Tickets of the same service that will be called first.
    public var peopleAhead: Int
    /// Estimated minutes until the call.
    public var estimatedWaitMinutes: Int
}

/// Where a ticket stands now, for its status page and the console.
public struct TicketStatus: Codable, Sendable, Equatable {
    public var ticket: Ticket
    public var serviceName: String
    /// Only meaningful while waiting.
    public var peopleAhead: Int
    public var estimatedWaitMinutes: Int
}

/// One service's queue.
public struct ServiceQueue: Codable, Sendable, Equatable {
    public var service: Service
    public var waiting: Int
    /// Windows open (not paused) that serve it.
    public var openWindows: Int
    /// Estimated minutes for a ticket issued now.
    public var estimatedWaitMinutes: Int
}

/// One window and what it is doing.
public struct WindowStatus: Codable, Sendable, Equatable {
    public var window: ServiceWindow
    /// The ticket called to or served at this window.
    public var current: Ticket?
    /// Tickets held by this window.
    public var held: [Ticket]
}

/// The whole hall at a glance.
public struct HallStatus: Codable, Sendable, Equatable {
    public var day: LocalDay
    public var services: [ServiceQueue]
    public var windows: [WindowStatus]
    public var issuedToday: Int
    public var servedToday: Int
}
