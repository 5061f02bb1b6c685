import Foundation
import HallTransport

/// The office (A4) printer that acceptance and correction notices go to.
public struct OfficePrinter: Codable, Sendable, Equatable {
    /// A CUPS queue name (`Office_A4`), an IPP URI (`ipp://192.0.2.20:631/ipp/print`), or "" for
    /// none: notices are then only kept for download.
    public var destination: String
    /// How long a job is followed before it counts as failed (and is canceled).
    public var jobTimeoutSeconds: Int

    public init(destination: String = "", jobTimeoutSeconds: Int = 60) {
        self.destination = destination
        self.jobTimeoutSeconds = jobTimeoutSeconds
    }

    /// The IPP printer jobs go to, nil when none is configured.
    var documentPrinter: IPPDocumentPrinter? {
        let configured = destination.trimmingCharacters(in: .whitespaces)
        guard !configured.isEmpty else { return nil }
        return IPPDocumentPrinter(
            destination: PrintDestination(configured: configured),
            settings: PrintSettings(jobTimeout: .seconds(max(1, jobTimeoutSeconds))))
    }
}
