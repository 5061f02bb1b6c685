/// What the kiosk learns about the printout of a ticket it just issued.
public struct PrintReport: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// The ticket came out of the printer.
        case printed
        /// The printer has a fault; the job is kept and printed when it is back.
        case queued
        /// The ticket could not be laid out for this printer (nothing is kept).
        case failed
        /// This hall has no ticket printer.
        case disabled
    }

    public var status: Status
    /// Chinese text for the kiosk screen, e.g. 打印机缺纸，请记下您的号码。
    public var message: String
}
