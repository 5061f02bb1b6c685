import HallPrinter

/// Something a decoded byte stream asks of the printer, or a finished receipt.
public enum EscPosDecoderEvent: Sendable, Hashable {
    /// DLE EOT n: the host waits for one status byte.
    case statusRequest(StatusRequest)
    /// GS a n: automatic status back enabled for these items (empty = disabled).
    case automaticStatusBack(AutomaticStatusItems)
    /// GS V: the receipt was cut off the roll.
    case receiptCut(PrintedReceipt)
}
