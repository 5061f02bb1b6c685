import Foundation
import HallPrinter

/// A virtual ESC/POS ticket printer: decodes what it receives, answers status requests
/// from its ``SimulatedPrinterState`` and hands each cut receipt to ``onReceipt``.
///
/// Thread-safe: endpoints (TCP, pty, in-process pipes) call ``receive(_:)`` from their
/// own threads.
public final class VirtualPrinter: @unchecked Sendable {
    /// Printable width in dots (for rendering): 576 for 80 mm, 384 for 58 mm.
    public let paperWidthDots: Int
    /// Font-A columns per line (for plain-text rendering).
    public let charactersPerLine: Int

    private let lock = NSLock()
    private var decoder: EscPosDecoder
    private var simulated: SimulatedPrinterState
    private var asbItems: AutomaticStatusItems = []
    private var printed: [PrintedReceipt] = []
    private var received = 0
    private var sinks: [UUID: @Sendable ([UInt8]) -> Void] = [:]
    private var receiptHandler: (@Sendable (PrintedReceipt) -> Void)?

    /// Creates a printer in power-on state with paper.
    public init(
        paperWidthDots: Int = 576, charactersPerLine: Int = 48, chineseModeByDefault: Bool = false,
        state: SimulatedPrinterState = SimulatedPrinterState()
    ) {
        self.paperWidthDots = paperWidthDots
        self.charactersPerLine = charactersPerLine
        self.decoder = EscPosDecoder(chineseModeByDefault: chineseModeByDefault)
        self.simulated = state
        self.decoder.accepting = state.canPrint
    }

    /// Called (outside the printer's lock) with every receipt as it is cut or torn off.
    public func onReceipt(_ handler: @escaping @Sendable (PrintedReceipt) -> Void) {
        lock.withLock { receiptHandler = handler }
    }

    /// The simulated physical state. Setting it refuses or accepts print data from then on
    /// and, when automatic status back is enabled, sends the new ASB block to the hosts.
    public var state: SimulatedPrinterState {
        get { lock.withLock { simulated } }
        set {
            let (asb, outputs): ([UInt8]?, [@Sendable ([UInt8]) -> Void]) = lock.withLock {
                let changed = newValue != simulated
                if !newValue.canPrint, simulated.canPrint { decoder.discardCurrent() }
                simulated = newValue
                decoder.accepting = newValue.canPrint
                let send = changed && !asbItems.isEmpty && !newValue.poweredOff
                return (send ? newValue.automaticStatusBack : nil, Array(sinks.values))
            }
            if let asb { outputs.forEach { $0(asb) } }
        }
    }

    /// Receipts cut so far, oldest first.
    public var receipts: [PrintedReceipt] { lock.withLock { printed } }
    /// Bytes received so far (including dropped ones).
    public var bytesReceived: Int { lock.withLock { received } }
    /// The receipt still on the roll.
    public var receiptInProgress: PrintedReceipt { lock.withLock { decoder.current } }

    /// Processes bytes from a host; returns the reply bytes (status) to send back.
    public func receive(_ bytes: [UInt8]) -> [UInt8] {
        var replies: [UInt8] = []
        var finished: [PrintedReceipt] = []
        let handler: (@Sendable (PrintedReceipt) -> Void)? = lock.withLock {
            received += bytes.count
            let events = decoder.feed(bytes)
            guard !simulated.poweredOff else { return nil }
            for event in events {
                switch event {
                case .statusRequest(let request):
                    replies.append(simulated.realTimeStatus(request))
                case .automaticStatusBack(let items):
                    asbItems = items
                    if !items.isEmpty { replies.append(contentsOf: simulated.automaticStatusBack) }
                case .receiptCut(let receipt):
                    printed.append(receipt)
                    finished.append(receipt)
                }
            }
            return receiptHandler
        }
        if let handler { finished.forEach(handler) }
        return replies
    }

    /// Completes the receipt on the roll without a cut, as a person tearing it off a
    /// printer without cutter would. Returns it, or nil when nothing is on the roll.
    @discardableResult
    public func tearOff() -> PrintedReceipt? {
        let (receipt, handler): (PrintedReceipt?, (@Sendable (PrintedReceipt) -> Void)?) = lock.withLock {
            var current = decoder.current
            guard !current.isEmpty else { return (nil, nil) }
            current.cut = CutMode.none
            decoder.discardCurrent()
            printed.append(current)
            return (current, receiptHandler)
        }
        if let receipt, let handler { handler(receipt) }
        return receipt
    }

    /// Registers a host connection for unsolicited bytes (ASB); returns its token.
    func addSink(_ sink: @escaping @Sendable ([UInt8]) -> Void) -> UUID {
        let id = UUID()
        lock.withLock { sinks[id] = sink }
        return id
    }

    /// Unregisters a host connection.
    func removeSink(_ id: UUID) {
        lock.withLock { sinks[id] = nil }
    }
}
