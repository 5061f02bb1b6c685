/// The one-word state of the ticket printer shown on /healthz, metrics and the clerk console.
public enum PrinterCondition: String, Sendable, Codable, CaseIterable {
    /// Online with paper: tickets print.
    case ready
    /// Prints, but the roll is nearly empty.
    case paperNearEnd
    /// No paper: printing stopped.
    case paperOut
    /// The roll cover is open.
    case coverOpen
    /// The printer reports itself offline (or an auto-recoverable error such as overheating).
    case offline
    /// Autocutter jam or another unrecoverable mechanical error.
    case cutterError
    /// No answer: unplugged, powered off, wrong address, connection lost.
    case unreachable

    /// Whether a ticket can be printed in this condition.
    public var canPrint: Bool { self == .ready || self == .paperNearEnd }

    /// Chinese label for the clerk console.
    public var label: String {
        switch self {
        case .ready: "就绪"
        case .paperNearEnd: "纸将用尽，请及时换纸"
        case .paperOut: "缺纸，请装纸"
        case .coverOpen: "纸仓盖未关好"
        case .offline: "打印机离线"
        case .cutterError: "切刀故障，请检查卡纸"
        case .unreachable: "无法连接打印机（未接通或已断开）"
        }
    }
}
