import Foundation

/// What `/healthz` and `/api/devices` say about a reader.
public struct IDCardReaderStatus: Codable, Sendable, Equatable {
    /// Where the reader is used: `kiosk`, `window-3`, …
    public var place: String
    /// The transport's address, e.g. `tty:/dev/ttyUSB0`.
    public var address: String
    /// The reader model's id.
    public var model: String
    /// Whether the last exchange with the reader worked (its port is open).
    public var connected: Bool
    /// The last transport or protocol fault, in English, without card data; nil when fine.
    public var lastError: String?
    /// Cards read since start.
    public var reads: Int
    /// Reads that failed for a reason other than "no card".
    public var failures: Int
    public var lastReadAt: Date?
}
