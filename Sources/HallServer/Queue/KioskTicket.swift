import HallCore

/// The kiosk's answer to "take a ticket": the issued ticket and what happened to its printout.
/// Encoded flat: the `IssuedTicket` fields plus `print`.
struct KioskTicket: Encodable {
    let issued: IssuedTicket
    let print: PrintReport

    private enum CodingKeys: String, CodingKey { case print }

    func encode(to encoder: Encoder) throws {
        try issued.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(print, forKey: .print)
    }
}
