import HallPrinter

/// The physical state a virtual printer pretends to be in; it answers status requests
/// from it and refuses print data while it cannot print.
public struct SimulatedPrinterState: Sendable, Hashable {
    public var paperOut = false
    public var paperNearEnd = false
    public var coverOpen = false
    /// Offline for another reason (e.g. the clerk pressed the offline button).
    public var offline = false
    public var cutterError = false
    /// Powered off: answers nothing at all and drops everything.
    public var poweredOff = false

    public init(
        paperOut: Bool = false, paperNearEnd: Bool = false, coverOpen: Bool = false,
        offline: Bool = false, cutterError: Bool = false, poweredOff: Bool = false
    ) {
        self.paperOut = paperOut
        self.paperNearEnd = paperNearEnd
        self.coverOpen = coverOpen
        self.offline = offline
        self.cutterError = cutterError
        self.poweredOff = poweredOff
    }

    /// Whether print data is accepted.
    public var canPrint: Bool { !paperOut && !coverOpen && !offline && !cutterError && !poweredOff }

    /// The reply byte to DLE EOT `request` (fixed bits 1 and 4 set, as Epson printers do).
    public func realTimeStatus(_ request: StatusRequest) -> UInt8 {
        var b: UInt8 = 0x12
        switch request {
        case .printer:
            if !canPrint { b |= 0x08 }
        case .offlineCause:
            if coverOpen { b |= 0x04 }
            if paperOut { b |= 0x20 }
            if cutterError { b |= 0x40 }
        case .errorCause:
            if cutterError { b |= 0x08 }
        case .paperSensor:
            if paperNearEnd || paperOut { b |= 0x0C }
            if paperOut { b |= 0x60 }
        }
        return b
    }

    /// The 4-byte automatic status back block.
    public var automaticStatusBack: [UInt8] {
        var b1: UInt8 = 0x10, b2: UInt8 = 0, b3: UInt8 = 0
        if !canPrint { b1 |= 0x08 }
        if coverOpen { b1 |= 0x20 }
        if cutterError { b2 |= 0x08 }
        if paperNearEnd || paperOut { b3 |= 0x03 }
        if paperOut { b3 |= 0x0C }
        return [b1, b2, b3, 0x00]
    }
}
