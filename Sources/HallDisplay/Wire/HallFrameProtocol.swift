/// The Hall generic framed LED protocol, `hall-frame-v1`. Frames are `HallFrame`s; see
/// docs/display-protocol.md for the full description.
public struct HallFrameProtocol: DisplayWireProtocol {
    public static let identifier = "hall-frame-v1"

    /// Command bytes.
    public enum Code {
        public static let showCall: UInt8 = 0x10
        public static let showIdleText: UInt8 = 0x11
        public static let brightness: UInt8 = 0x12
        public static let clear: UInt8 = 0x13
        public static let ping: UInt8 = 0x14
        public static let showImage: UInt8 = 0x20
        public static let ack: UInt8 = 0x06
        public static let nak: UInt8 = 0x15
    }

    public let encoding: DisplayTextEncoding
    public let maxTextBytes: Int

    public init(encoding: DisplayTextEncoding = .gb18030, maxTextBytes: Int = 256) {
        self.encoding = encoding
        self.maxTextBytes = min(maxTextBytes, HallFrame.maxPayload)
    }

    public var id: String { Self.identifier }
    public var broadcastAddress: UInt8? { 0xFF }

    public func code(of command: ScreenCommand) -> UInt8 {
        switch command {
        case .showCall: Code.showCall
        case .showIdleText: Code.showIdleText
        case .brightness: Code.brightness
        case .clear: Code.clear
        case .ping: Code.ping
        case .showImage: Code.showImage
        }
    }

    public func encodeRequest(_ command: ScreenCommand, address: UInt8) throws(DisplayError) -> [UInt8] {
        guard address >= 1 else { throw .invalidArgument("address 0") }
        let payload: [UInt8]
        switch command {
        case .showCall(let text), .showIdleText(let text):
            payload = encoding.encode(text)
            guard payload.count <= maxTextBytes else { throw .textTooLong(payload.count, limit: maxTextBytes) }
        case .brightness(let level):
            guard (0...15).contains(level) else { throw .invalidArgument("brightness \(level) not in 0…15") }
            payload = [UInt8(level)]
        case .showImage(let image, let call):
            // Width (2 bytes, big endian), height, flags (bit 0: a call), then the packed rows.
            payload = [UInt8(image.width >> 8), UInt8(image.width & 0xFF), UInt8(image.height), call ? 1 : 0] + image.packed
        case .clear, .ping:
            payload = []
        }
        return HallFrame(address: address, command: code(of: command), payload: payload).bytes
    }

    public func decodeRequest(from buffer: inout [UInt8]) -> DecodedRequest? {
        while let parsed = HallFrame.parse(from: &buffer) {
            switch parsed {
            case .badChecksum(let address, let code):
                return .refused(address: address, code: code, .badChecksum)
            case .frame(let f):
                // Replies seen on a shared bus are not requests.
                if f.command == Code.ack || f.command == Code.nak { continue }
                return request(from: f)
            }
        }
        return nil
    }

    private func request(from f: HallFrame) -> DecodedRequest {
        let refuse = { (reason: ScreenRefusal) in DecodedRequest.refused(address: f.address, code: f.command, reason) }
        switch f.command {
        case Code.showCall, Code.showIdleText:
            guard f.payload.count <= maxTextBytes else { return refuse(.textTooLong) }
            guard let text = encoding.decode(f.payload) else { return refuse(.badPayload) }
            let command: ScreenCommand = f.command == Code.showCall ? .showCall(text) : .showIdleText(text)
            return .command(address: f.address, code: f.command, command)
        case Code.brightness:
            guard f.payload.count == 1, f.payload[0] <= 15 else { return refuse(.badPayload) }
            return .command(address: f.address, code: f.command, .brightness(Int(f.payload[0])))
        case Code.showImage:
            let p = f.payload
            guard p.count >= 4, p[3] <= 1,
                let image = DisplayBitmap(width: Int(p[0]) << 8 | Int(p[1]), height: Int(p[2]), packed: Array(p[4...]))
            else { return refuse(.badPayload) }
            return .command(address: f.address, code: f.command, .showImage(image, call: p[3] == 1))
        case Code.clear, Code.ping:
            guard f.payload.isEmpty else { return refuse(.badPayload) }
            return .command(address: f.address, code: f.command, f.command == Code.clear ? .clear : .ping)
        default:
            return refuse(.unknownCommand)
        }
    }

    public func encodeReply(_ reply: ScreenReply, to request: DecodedRequest) -> [UInt8] {
        switch reply {
        case .ack(let address, let command):
            HallFrame(address: address, command: Code.ack, payload: [command]).bytes
        case .nak(let address, let command, let reason):
            HallFrame(address: address, command: Code.nak, payload: [command, reason.rawValue]).bytes
        }
    }

    public func decodeReply(from buffer: inout [UInt8]) -> ScreenReply? {
        while let parsed = HallFrame.parse(from: &buffer) {
            guard case .frame(let f) = parsed else { continue }  // a damaged reply counts as none
            if f.command == Code.ack, f.payload.count == 1 {
                return .ack(address: f.address, command: f.payload[0])
            }
            if f.command == Code.nak, f.payload.count == 2 {
                return .nak(address: f.address, command: f.payload[0], reason: ScreenRefusal(code: f.payload[1]))
            }
        }
        return nil
    }
}
