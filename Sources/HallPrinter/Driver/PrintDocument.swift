/// What a print job prints. Rendered to bytes at print time with the connected printer's
/// profile, so a job journaled for one printer still fits a replacement model.
public enum PrintDocument: Sendable, Hashable, Codable {
    /// A queue ticket.
    case ticket(TicketSlip, TicketLayout)
    /// A generic receipt (回执).
    case receipt(ReceiptDocument, ReceiptLayout)
    /// Bytes prepared elsewhere, sent unchanged.
    case raw([UInt8])

    /// The ESC/POS bytes of this document for `profile`.
    public func encode(for profile: PrinterProfile) throws(EscPosError) -> [UInt8] {
        switch self {
        case .ticket(let slip, let layout): try layout.encode(slip, for: profile)
        case .receipt(let receipt, let layout): try layout.encode(receipt, for: profile)
        case .raw(let bytes): bytes
        }
    }
}
