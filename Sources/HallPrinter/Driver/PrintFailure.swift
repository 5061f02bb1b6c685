import HallTransport

/// Why one print attempt did not complete.
public enum PrintFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The printer answered but cannot print (paper out, cover open, offline, cutter error).
    case notReady(PrinterCondition)
    /// The printer did not answer a status request in time.
    case noStatusReply
    /// The transport failed (not found, disconnected, timeout...).
    case transport(TransportError)
    /// The document cannot be encoded for this printer (retrying will not help).
    case encoding(EscPosError)

    /// The printer condition this failure implies.
    public var condition: PrinterCondition {
        switch self {
        case .notReady(let c): c
        case .noStatusReply, .transport: .unreachable
        case .encoding: .ready
        }
    }

    public var description: String {
        switch self {
        case .notReady(let c): "打印失败：\(c.label)"
        case .noStatusReply: "打印失败：打印机无应答"
        case .transport(let e): "打印失败：\(PrinterCondition.unreachable.label)（\(e)）"
        case .encoding(let e): "打印失败：\(e)"
        }
    }
}
