import Foundation

/// What a queue ticket says: plain data, filled in by the daemon from the issued ticket.
public struct TicketSlip: Sendable, Hashable, Codable {
    /// Center name, e.g. `某某镇便民服务中心`.
    public var centerName: String
    /// Service (business category) name, e.g. `社保医保`.
    public var serviceName: String
    /// The ticket number as called, e.g. `A001`.
    public var number: String
    /// People waiting before this ticket.
    public var peopleAhead: Int
    /// Estimated wait in minutes, nil when unknown.
    public var estimatedWaitMinutes: Int?
    /// Time of issue, already formatted in the center's local time (`2025-03-14 09:05`).
    public var issuedAt: String
    /// Link to the ticket's status page, printed as a QR code.
    public var statusURL: String
    /// A short privacy/courtesy line.
    public var courtesyLine: String
    /// The fixed lines in Chinese; nil: ``TicketWording/chinese``.
    public var wording: TicketWording?
    /// The same lines in a script the printer has no font for, printed as images; nil: Chinese only.
    public var secondScript: SecondScript?

    /// Creates a slip with a preformatted issue time.
    public init(
        centerName: String, serviceName: String, number: String, peopleAhead: Int,
        estimatedWaitMinutes: Int?, issuedAt: String, statusURL: String,
        courtesyLine: String = "请留意叫号屏幕和语音提示，过号请重新取号"
    ) {
        self.centerName = centerName
        self.serviceName = serviceName
        self.number = number
        self.peopleAhead = peopleAhead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.issuedAt = issuedAt
        self.statusURL = statusURL
        self.courtesyLine = courtesyLine
    }

    /// Creates a slip, formatting `issuedAt` as `yyyy-MM-dd HH:mm` in `timeZone`.
    public init(
        centerName: String, serviceName: String, number: String, peopleAhead: Int,
        estimatedWaitMinutes: Int?, issuedAt date: Date, timeZone: TimeZone, statusURL: String,
        courtesyLine: String = "请留意叫号屏幕和语音提示，过号请重新取号"
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let text = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
        self.init(
            centerName: centerName, serviceName: serviceName, number: number, peopleAhead: peopleAhead,
            estimatedWaitMinutes: estimatedWaitMinutes, issuedAt: text, statusURL: statusURL,
            courtesyLine: courtesyLine)
    }
}
