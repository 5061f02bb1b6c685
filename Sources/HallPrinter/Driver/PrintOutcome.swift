/// What happened to a submitted job right away.
public enum PrintOutcome: Sendable, Equatable {
    /// Printed; the printer is now in this condition (ready or paper near end).
    case printed(PrinterCondition)
    /// Not printed yet: kept and retried when the printer is back. The kiosk tells the
    /// resident that printing failed and shows the number.
    case pending(PrinterCondition)

    /// Whether the job was printed.
    public var isPrinted: Bool { if case .printed = self { true } else { false } }
}
