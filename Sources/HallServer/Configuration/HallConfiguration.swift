import Foundation
import HallCore
import HallStore

/// Everything `halld` is configured with. The embedded defaults (`HallConfiguration.demo`) run a
/// complete demo hall; a file, the environment and flags override them key by key.
public struct HallConfiguration: Codable, Sendable, Equatable {
    /// The center as printed on tickets and notices.
    public struct Center: Codable, Sendable, Equatable {
        public var name: String
        public var phone: String
        /// Base URL residents reach from their phones (QR codes on tickets point below it); empty:
        /// follows `listen.host` and `listen.port` (`effectivePublicBaseURL`).
        public var publicBaseURL: String
        /// The languages residents read, in display order: `["zh"]`, or `["mn", "zh"]` in a
        /// bilingual hall (Mongolian first, as the region's rule has it). docs/languages.md.
        public var languages: [String] = ["zh"]
        /// The center's name in traditional Mongolian, printed beside `name` in a bilingual hall;
        /// empty: that line is left out.
        public var mongolianName: String = ""
    }

    /// Where the HTTP server listens.
    public struct Listen: Codable, Sendable, Equatable {
        public var host: String
        public var port: Int
        /// Addresses of reverse proxies (nginx terminating TLS) whose `X-Forwarded-For` and
        /// `X-Forwarded-Proto` headers are believed; empty: no proxy is trusted (docs/install.md).
        public var trustedProxies: [String] = []
    }

    /// The SQLite database.
    public struct Database: Codable, Sendable, Equatable {
        public var path: String
        public var synchronous: StoreConfiguration.Synchronous
    }

    public var center: Center
    public var listen: Listen
    public var database: Database
    /// Folder for state other than the database (printed-ticket images, captures, notices).
    public var stateDirectory: String
    /// Folder holding device profiles (`printers/`, `displays/`, `scanners/`).
    public var devicesDirectory: String
    public var queue: QueueSettings
    public var services: [Service]
    public var windows: [ServiceWindow]
    /// Largest accepted request body in bytes.
    public var maxRequestBytes: Int
    /// Ticket printer, LED screens and voice.
    public var hardware: HardwareConfiguration
    // MARK: Intake
    /// Folder with the shipped data (`catalog/sample-catalog.json`, `calendar/*.json`), seeded on first start.
    public var dataDirectory: String = "data"
    /// Case intake rules (time zone, correction period, due-soon threshold, case number prefix).
    public var intake: IntakeSettings = IntakeSettings()
    /// The A4 printer for acceptance and correction notices.
    public var officePrinter: OfficePrinter = OfficePrinter()
    /// Staff sign-in and sessions.
    public var accounts = Accounts()
    /// Kiosks and hall screens and their tokens.
    public var devices = Devices()
    /// Appointments and home visits: rules, sweep, portable receipt printer.
    public var appointments = AppointmentConfiguration()
    /// Ratings (好差评): follow-up working days, rating period, pad display time.
    public var ratings = RatingSettings()
    /// Opening hours, extended service, the staff ledger and follow-ups.
    public var extendedHours = ExtendedHoursSettings()
    /// ID cards at the kiosk and the windows: per-person limits, wait, the keyed hash's secret.
    public var idCard = IDCardSettings()
    /// Free space (MB) below which `/healthz` reports the disk of the database or the state
    /// directory as degraded (`disk`), before writes start failing.
    public var minFreeDiskMegabytes: Double = 100
    /// The link to the banner's hub (store-and-forward of the event log, docs/hub.md); off by default.
    public var hub = HubLinkConfiguration()

    /// The resolved store configuration.
    public var storeConfiguration: StoreConfiguration {
        StoreConfiguration(path: database.path, synchronous: database.synchronous)
    }
}
