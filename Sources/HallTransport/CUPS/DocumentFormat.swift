/// The MIME type of a document sent to a printer (IPP `document-format`).
public struct DocumentFormat: RawRepresentable, Sendable, Equatable, Hashable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `application/pdf`: notices and reports for the office A4 printer.
    public static let pdf = DocumentFormat(rawValue: "application/pdf")
    /// `application/vnd.cups-raw`: bytes a CUPS raw queue passes to the device unfiltered.
    public static let cupsRaw = DocumentFormat(rawValue: "application/vnd.cups-raw")
    /// `application/octet-stream`: raw bytes for an IPP printer that takes them as they are.
    public static let octetStream = DocumentFormat(rawValue: "application/octet-stream")
}
