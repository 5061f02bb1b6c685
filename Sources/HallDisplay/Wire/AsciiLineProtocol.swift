/// A vendor-style variant modelled after the plain text line protocols of cheap RS-485 strip
/// screens (`ascii-line`). Not certified against any named product; see docs/display-protocol.md.
///
///     request:  #<address>|<command letter>|<data>\r\n     e.g. #03|C|请A012号到3号窗口\r\n
///     reply:    !<address>|OK|<command letter>\r\n
///               !<address>|ER|<two-digit code>|<command letter>\r\n
///
/// Address in decimal (two digits, three from 100; 255 = every screen, no reply). Letters:
/// C call (blinks), T idle text, B brightness (`00`…`15`), X clear, P ping. Text is GB18030;
/// CR and LF never occur inside GB18030 multi-byte characters, so a line ends at the first CRLF.
/// There is no checksum: many such screens do not answer at all (profile `ackExpected: false`).
public struct AsciiLineProtocol: DisplayWireProtocol {
    public static let identifier = "ascii-line"

    public let encoding: DisplayTextEncoding
    public let maxTextBytes: Int

    public init(encoding: DisplayTextEncoding = .gb18030, maxTextBytes: Int = 128) {
        self.encoding = encoding
        self.maxTextBytes = maxTextBytes
    }

    public var id: String { Self.identifier }
    public var broadcastAddress: UInt8? { 255 }

    static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, bar: UInt8 = 0x7C

    public func code(of command: ScreenCommand) -> UInt8 {
        switch command {
        case .showCall, .showImage: UInt8(ascii: "C")
        case .showIdleText: UInt8(ascii: "T")
        case .brightness: UInt8(ascii: "B")
        case .clear: UInt8(ascii: "X")
        case .ping: UInt8(ascii: "P")
        }
    }

    private static func addressText(_ address: UInt8) -> [UInt8] {
        Array((address < 10 ? "0\(address)" : "\(address)").utf8)
    }

    public func encodeRequest(_ command: ScreenCommand, address: UInt8) throws(DisplayError) -> [UInt8] {
        guard address >= 1 else { throw .invalidArgument("address 0") }
        let data: [UInt8]
        switch command {
        case .showCall(let text), .showIdleText(let text):
            data = encoding.encode(text)
            guard data.count <= maxTextBytes else { throw .textTooLong(data.count, limit: maxTextBytes) }
        case .brightness(let level):
            guard (0...15).contains(level) else { throw .invalidArgument("brightness \(level) not in 0…15") }
            data = Array((level < 10 ? "0\(level)" : "\(level)").utf8)
        case .clear, .ping:
            data = []
        case .showImage:
            throw .unsupportedCommand("images (ascii-line screens draw text only)")
        }
        return [UInt8(ascii: "#")] + Self.addressText(address) + [Self.bar, code(of: command), Self.bar]
            + data + [Self.cr, Self.lf]
    }

    /// The next CRLF-terminated line at the front of `buffer`, starting at `marker`.
    private static func takeLine(from buffer: inout [UInt8], marker: UInt8) -> [UInt8]?? {
        guard let start = buffer.firstIndex(of: marker) else {
            buffer.removeAll()
            return nil
        }
        if start > 0 { buffer.removeFirst(start) }
        guard let end = buffer.indices.first(where: { $0 > 0 && buffer[$0 - 1] == cr && buffer[$0] == lf }) else {
            return nil
        }
        let line = Array(buffer[1..<(end - 1)])
        buffer.removeFirst(end + 1)
        return .some(line)
    }

    /// Splits at the first `limit` bars only (the data part may contain 0x7C as a GB18030 trail byte).
    private static func fields(_ line: [UInt8], limit: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var rest = line[...]
        while out.count < limit, let i = rest.firstIndex(of: bar) {
            out.append(Array(rest[rest.startIndex..<i]))
            rest = rest[(i + 1)...]
        }
        out.append(Array(rest))
        return out
    }

    private static func number(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 3, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self))
    }

    public func decodeRequest(from buffer: inout [UInt8]) -> DecodedRequest? {
        while let taken = Self.takeLine(from: &buffer, marker: UInt8(ascii: "#")) {
            guard let line = taken else { continue }
            let f = Self.fields(line, limit: 2)
            guard f.count == 3, let a = Self.number(f[0]), (1...255).contains(a), f[1].count == 1 else { continue }
            let address = UInt8(a), code = f[1][0], data = f[2]
            let refuse = { (r: ScreenRefusal) in DecodedRequest.refused(address: address, code: code, r) }
            switch code {
            case UInt8(ascii: "C"), UInt8(ascii: "T"):
                guard data.count <= maxTextBytes else { return refuse(.textTooLong) }
                guard let text = encoding.decode(data) else { return refuse(.badPayload) }
                return .command(
                    address: address, code: code,
                    code == UInt8(ascii: "C") ? .showCall(text) : .showIdleText(text))
            case UInt8(ascii: "B"):
                guard let level = Self.number(data), level <= 15 else { return refuse(.badPayload) }
                return .command(address: address, code: code, .brightness(level))
            case UInt8(ascii: "X"): return .command(address: address, code: code, .clear)
            case UInt8(ascii: "P"): return .command(address: address, code: code, .ping)
            default: return refuse(.unknownCommand)
            }
        }
        return nil
    }

    public func encodeReply(_ reply: ScreenReply, to request: DecodedRequest) -> [UInt8] {
        switch reply {
        case .ack(let address, let code):
            return [UInt8(ascii: "!")] + Self.addressText(address) + Array("|OK|".utf8) + [code, Self.cr, Self.lf]
        case .nak(let address, let code, let reason):
            let n = Int(reason.rawValue)
            let digits = Array((n < 10 ? "0\(n)" : "\(n)").utf8)
            return [UInt8(ascii: "!")] + Self.addressText(address) + Array("|ER|".utf8) + digits
                + [Self.bar, code, Self.cr, Self.lf]
        }
    }

    public func decodeReply(from buffer: inout [UInt8]) -> ScreenReply? {
        while let taken = Self.takeLine(from: &buffer, marker: UInt8(ascii: "!")) {
            guard let line = taken else { continue }
            let f = Self.fields(line, limit: 3)
            guard f.count >= 3, let a = Self.number(f[0]), (1...255).contains(a) else { continue }
            let address = UInt8(a)
            if f[1] == Array("OK".utf8), f[2].count == 1 { return .ack(address: address, command: f[2][0]) }
            if f[1] == Array("ER".utf8), f.count == 4, let n = Self.number(f[2]), f[3].count == 1 {
                return .nak(address: address, command: f[3][0], reason: ScreenRefusal(code: UInt8(min(n, 255))))
            }
        }
        return nil
    }
}
