/// What the host asks a window screen to do, independent of the wire protocol.
public enum ScreenCommand: Sendable, Equatable, CustomStringConvertible {
    /// Show a call, e.g. 请A012号到3号窗口 (highlighted / blinking on screens that can).
    case showCall(String)
    /// Show the text between calls, e.g. 3号窗口 欢迎办理.
    case showIdleText(String)
    /// Brightness 0 (darkest) … 15 (brightest).
    case brightness(Int)
    /// Show an image covering the screen (a call when `call`, highlighted on screens that can);
    /// only profiles whose controller draws pixels take it.
    case showImage(DisplayBitmap, call: Bool)
    /// Blank the screen.
    case clear
    /// Ask the screen to answer, changing nothing.
    case ping

    /// Whether the command replaces what the screen shows (and so supersedes an older pending one).
    public var setsContent: Bool {
        switch self {
        case .showCall, .showIdleText, .showImage, .clear: true
        case .brightness, .ping: false
        }
    }

    public var description: String {
        switch self {
        case .showCall(let t): "showCall(\(t))"
        case .showIdleText(let t): "showIdleText(\(t))"
        case .showImage(let image, let call): "showImage(\(image.width)×\(image.height)\(call ? ", call" : ""))"
        case .brightness(let b): "brightness(\(b))"
        case .clear: "clear"
        case .ping: "ping"
        }
    }
}

/// Why a screen refused a command (the error code in a negative acknowledgement).
public enum ScreenRefusal: UInt8, Sendable, Equatable, CaseIterable {
    case badChecksum = 0x01
    case unknownCommand = 0x02
    case badPayload = 0x03
    case textTooLong = 0x04
    case busy = 0x05
    /// A code this program does not know.
    case other = 0xFF

    public init(code: UInt8) { self = ScreenRefusal(rawValue: code) ?? .other }
}

/// A screen's answer to a command.
public enum ScreenReply: Sendable, Equatable {
    /// Done. `command` echoes the command byte (protocol specific) that was acknowledged.
    case ack(address: UInt8, command: UInt8)
    /// Refused, with the reason.
    case nak(address: UInt8, command: UInt8, reason: ScreenRefusal)

    public var address: UInt8 {
        switch self {
        case .ack(let a, _), .nak(let a, _, _): a
        }
    }

    public var command: UInt8 {
        switch self {
        case .ack(_, let c), .nak(_, let c, _): c
        }
    }
}

/// A request as a screen decodes it off the line.
public enum DecodedRequest: Sendable, Equatable {
    /// A well-formed command for `address`; `code` is the protocol's command byte, echoed in replies.
    case command(address: UInt8, code: UInt8, ScreenCommand)
    /// A frame that arrived whole but damaged or not understood; a screen at `address` answers NAK.
    case refused(address: UInt8, code: UInt8, ScreenRefusal)
}
