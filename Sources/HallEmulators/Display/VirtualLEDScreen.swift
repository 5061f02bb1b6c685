import Foundation
import HallDisplay

/// One emulated window screen at one bus address: it keeps what it shows and answers commands.
/// Switches simulate faults: `isDead` (never answers) and `corruptNextFrames` (the next frames
/// arrive as if line noise broke their checksum, so the screen refuses them).
public final class VirtualLEDScreen: @unchecked Sendable {
    public let address: UInt8
    private let lock = NSLock()
    private var _text: String = ""
    private var _isCall = false
    private var _brightness = 15
    private var _isDead = false
    private var _corruptNext = 0
    private var _shown: [String] = []
    private var _image: DisplayBitmap?

    public init(address: UInt8) { self.address = address }

    /// Text on the screen now ("" when blank).
    public var text: String { lock.withLock { _text } }
    /// Whether the text is a call (shown highlighted) rather than idle text.
    public var isShowingCall: Bool { lock.withLock { _isCall } }
    public var brightness: Int { lock.withLock { _brightness } }
    /// Every text shown, in order.
    public var shownTexts: [String] { lock.withLock { _shown } }
    /// The image on the screen now (nil when it shows text or nothing).
    public var image: DisplayBitmap? { lock.withLock { _image } }

    /// A dead screen receives but never answers.
    public var isDead: Bool {
        get { lock.withLock { _isDead } }
        set { lock.withLock { _isDead = newValue } }
    }

    /// Makes the next `count` frames fail their checksum.
    public func corruptNextFrames(_ count: Int) { lock.withLock { _corruptNext = count } }

    /// Applies a request addressed to this screen; returns the reply to send, or nil for silence.
    func handle(_ request: DecodedRequest) -> (reply: ScreenReply?, effective: DecodedRequest) {
        lock.lock()
        defer { lock.unlock() }
        var request = request
        if _corruptNext > 0, case .command(let a, let code, _) = request {
            _corruptNext -= 1
            request = .refused(address: a, code: code, .badChecksum)
        }
        switch request {
        case .refused(_, let code, let reason):
            return (_isDead ? nil : .nak(address: address, command: code, reason: reason), request)
        case .command(_, let code, let command):
            switch command {
            case .showCall(let t): _text = t; _isCall = true; _shown.append(t); _image = nil
            case .showIdleText(let t): _text = t; _isCall = false; _shown.append(t); _image = nil
            case .showImage(let image, let call): _text = ""; _isCall = call; _image = image
            case .clear: _text = ""; _isCall = false; _image = nil
            case .brightness(let b): _brightness = b
            case .ping: break
            }
            return (_isDead ? nil : .ack(address: address, command: code), request)
        }
    }
}
