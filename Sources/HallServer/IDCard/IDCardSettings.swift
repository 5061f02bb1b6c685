import HallCore

/// The ID card features' settings (`idCard` in the configuration); the readers themselves are
/// `hardware.idCardReaders`.
public struct IDCardSettings: Codable, Sendable, Equatable {
    /// Per-person limits and priority from age for tickets taken by card at the kiosk.
    public var kiosk: CardTicketSettings
    /// How long one request waits for a card to be placed, in seconds (0…30).
    public var waitSeconds: Double
    /// Secret of the keyed hash (HMAC-SHA256) of ID numbers behind the limits; empty: a secret the
    /// hall generates once and keeps in its database.
    public var personKeySecret: String

    public init(kiosk: CardTicketSettings = CardTicketSettings(), waitSeconds: Double = 8, personKeySecret: String = "") {
        self.kiosk = kiosk
        self.waitSeconds = waitSeconds
        self.personKeySecret = personKeySecret
    }

    /// Refuses values out of range, naming the key.
    func validate() throws {
        guard (0...30).contains(waitSeconds) else { throw ConfigurationError.invalidValue(key: "idCard.waitSeconds", reason: "0…30") }
        guard kiosk.openTicketsPerService >= 0, kiosk.openTicketsPerService <= 100 else {
            throw ConfigurationError.invalidValue(key: "idCard.kiosk.openTicketsPerService", reason: "0…100 (0: no limit)")
        }
        guard kiosk.ticketsPerDay >= 0, kiosk.ticketsPerDay <= 1000 else {
            throw ConfigurationError.invalidValue(key: "idCard.kiosk.ticketsPerDay", reason: "0…1000 (0: no limit)")
        }
        guard (0...150).contains(kiosk.priorityAge) else {
            throw ConfigurationError.invalidValue(key: "idCard.kiosk.priorityAge", reason: "0…150 (0: no priority from age)")
        }
    }

    /// Milliseconds to wait, `asked` (seconds, from a request) capped by `waitSeconds`.
    func waitMilliseconds(asked: Double?) -> Int {
        let seconds = min(max(0, asked ?? waitSeconds), waitSeconds)
        return Int((seconds * 1000).rounded())
    }
}
