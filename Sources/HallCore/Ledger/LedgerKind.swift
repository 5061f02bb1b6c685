/// The two kinds of service the ledger (登记台账) records.
public enum LedgerKind: String, Codable, Sendable, CaseIterable {
    /// Weekend or holiday appointment service (预约服务): duty on an appointment slot.
    case appointment
    /// Service past closing time (延时服务).
    case extended

    /// `预约服务` / `延时服务`.
    public var label: String {
        switch self {
        case .appointment: "预约服务"
        case .extended: "延时服务"
        }
    }
}

/// Where a ledger entry comes from.
public enum LedgerSource: String, Codable, Sendable {
    /// Computed from the queue's event log when an extended period ended.
    case queue
    /// Recorded by the appointment feature for duty on a slot.
    case appointment
    /// Entered by the center head.
    case manual

    /// `叫号记录` / `预约值班` / `手工登记`.
    public var label: String {
        switch self {
        case .queue: "叫号记录"
        case .appointment: "预约值班"
        case .manual: "手工登记"
        }
    }
}
