import Foundation
import HallDisplay

/// Several emulated screens on one bus speaking one wire protocol. Bytes from the host go in
/// through `receive(_:)`; the replies to write back come out. Transport-free: a pty or TCP host
/// carries the bytes (see `VirtualDisplayPTY`).
public final class VirtualDisplayBus: @unchecked Sendable {
    /// A request the bus decoded, in arrival order.
    public struct ReceivedFrame: Sendable, Equatable {
        public var address: UInt8
        public var request: DecodedRequest
        /// Whether a screen answered it.
        public var answered: Bool
    }

    public let wire: any DisplayWireProtocol
    public let screens: [UInt8: VirtualLEDScreen]
    /// Whether screens answer (screens of `ackExpected: false` profiles stay silent).
    public let answers: Bool
    /// Called for each decoded request, on the thread that fed the bytes.
    public var onFrame: (@Sendable (ReceivedFrame) -> Void)? {
        get { lock.withLock { _onFrame } }
        set { lock.withLock { _onFrame = newValue } }
    }

    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var _received: [ReceivedFrame] = []
    private var _onFrame: (@Sendable (ReceivedFrame) -> Void)?

    public init(wire: any DisplayWireProtocol = HallFrameProtocol(), addresses: [UInt8], answers: Bool = true) {
        self.wire = wire
        self.answers = answers
        var s: [UInt8: VirtualLEDScreen] = [:]
        for a in addresses { s[a] = VirtualLEDScreen(address: a) }
        screens = s
    }

    /// Convenience: the screen at `address`.
    public subscript(address: UInt8) -> VirtualLEDScreen? { screens[address] }

    /// Every request decoded so far.
    public var received: [ReceivedFrame] { lock.withLock { _received } }

    /// Feeds bytes from the host; returns the bytes to send back.
    public func receive(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var frames: [ReceivedFrame] = []
        lock.lock()
        buffer += bytes
        while let request = wire.decodeRequest(from: &buffer) {
            let address: UInt8 =
                switch request {
                case .command(let a, _, _), .refused(let a, _, _): a
                }
            var answered = false
            var effective = request
            if address == wire.broadcastAddress {
                if case .command = request { for screen in screens.values { _ = screen.handle(request) } }
            } else if let screen = screens[address] {
                let result = screen.handle(request)
                effective = result.effective
                if answers, let reply = result.reply {
                    let bytes = wire.encodeReply(reply, to: effective)
                    out += bytes
                    answered = !bytes.isEmpty
                }
            }
            let frame = ReceivedFrame(address: address, request: effective, answered: answered)
            _received.append(frame)
            frames.append(frame)
        }
        let observer = _onFrame
        lock.unlock()
        if let observer { frames.forEach(observer) }
        return out
    }
}
