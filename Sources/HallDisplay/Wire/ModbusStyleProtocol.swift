/// A vendor-style variant modelled after Modbus RTU, as many LED controller boards use
/// (`modbus-rtu-style`). Not certified against any named product; see docs/display-protocol.md.
///
/// Requests are "write multiple registers" (function 0x10):
///
///     address | 0x10 | register (2, BE) | quantity (2, BE) | byte count | data | CRC-16/MODBUS (low, high)
///
/// Registers: 0x0100 call text, 0x0200 idle text (GB18030, padded with 0x00 to whole registers),
/// 0x0300 brightness (one register, 0…15), 0x0400 clear (one register, value 1). Ping reads
/// holding register 0x0000 (function 0x03). The screen echoes register and quantity; it refuses with
/// an exception (function | 0x80, exception code) and, as Modbus servers do, stays silent on a bad CRC.
/// Frames have no delimiters (RTU separates them by line silence), so the decoder works from lengths.
public struct ModbusStyleProtocol: DisplayWireProtocol {
    public static let identifier = "modbus-rtu-style"

    public enum Register {
        public static let callText: UInt16 = 0x0100
        public static let idleText: UInt16 = 0x0200
        public static let brightness: UInt16 = 0x0300
        public static let clear: UInt16 = 0x0400
        public static let status: UInt16 = 0x0000
    }

    static let writeMultiple: UInt8 = 0x10
    static let readHolding: UInt8 = 0x03
    /// Modbus allows 123 registers (246 bytes) in one write.
    static let maxDataBytes = 246

    public let encoding: DisplayTextEncoding
    public let maxTextBytes: Int

    public init(encoding: DisplayTextEncoding = .gb18030, maxTextBytes: Int = 246) {
        self.encoding = encoding
        self.maxTextBytes = min(maxTextBytes, Self.maxDataBytes)
    }

    public var id: String { Self.identifier }
    public var broadcastAddress: UInt8? { 0x00 }

    /// The high byte of the register the command writes (0 for ping).
    public func code(of command: ScreenCommand) -> UInt8 { UInt8(register(of: command) >> 8) }

    private func register(of command: ScreenCommand) -> UInt16 {
        switch command {
        case .showCall, .showImage: Register.callText
        case .showIdleText: Register.idleText
        case .brightness: Register.brightness
        case .clear: Register.clear
        case .ping: Register.status
        }
    }

    /// Register values (as bytes) a command writes.
    private func data(of command: ScreenCommand) throws(DisplayError) -> [UInt8] {
        switch command {
        case .showCall(let text), .showIdleText(let text):
            var bytes = encoding.encode(text)
            guard bytes.count <= maxTextBytes else { throw .textTooLong(bytes.count, limit: maxTextBytes) }
            if bytes.count % 2 == 1 { bytes.append(0) }
            return bytes
        case .brightness(let level):
            guard (0...15).contains(level) else { throw .invalidArgument("brightness \(level) not in 0…15") }
            return [0, UInt8(level)]
        case .clear: return [0, 1]
        case .ping: return []
        case .showImage: throw .unsupportedCommand("images (modbus-rtu-style screens draw text only)")
        }
    }

    public func encodeRequest(_ command: ScreenCommand, address: UInt8) throws(DisplayError) -> [UInt8] {
        guard (1...247).contains(address) else { throw .invalidArgument("Modbus address \(address) not in 1…247") }
        let reg = register(of: command)
        var frame: [UInt8]
        if case .ping = command {
            frame = [address, Self.readHolding, UInt8(reg >> 8), UInt8(reg & 0xFF), 0, 1]
        } else {
            let d = try data(of: command)
            let quantity = d.count / 2
            frame =
                [
                    address, Self.writeMultiple, UInt8(reg >> 8), UInt8(reg & 0xFF),
                    UInt8(quantity >> 8), UInt8(quantity & 0xFF), UInt8(d.count),
                ] + d
        }
        return frame + CRC16Modbus.wireBytes(frame)
    }

    public func decodeRequest(from buffer: inout [UInt8]) -> DecodedRequest? {
        while buffer.count >= 2 {
            let function = buffer[1]
            let total: Int
            switch function {
            case Self.readHolding: total = 8
            case Self.writeMultiple:
                guard buffer.count >= 7 else { return nil }
                total = 9 + Int(buffer[6])
            default:
                buffer.removeFirst()  // not a request start: resync byte by byte
                continue
            }
            guard buffer.count >= total else { return nil }
            let frame = Array(buffer.prefix(total))
            let address = frame[0]
            guard CRC16Modbus.checksum(frame.prefix(total - 2)) == UInt16(frame[total - 2]) | UInt16(frame[total - 1]) << 8 else {
                buffer.removeFirst()
                return .refused(address: address, code: frame[2], .badChecksum)
            }
            buffer.removeFirst(total)
            return request(frame)
        }
        return nil
    }

    private func request(_ f: [UInt8]) -> DecodedRequest {
        let address = f[0], code = f[2]
        let reg = UInt16(f[2]) << 8 | UInt16(f[3])
        if f[1] == Self.readHolding {
            return reg == Register.status
                ? .command(address: address, code: code, .ping)
                : .refused(address: address, code: code, .unknownCommand)
        }
        let data = Array(f[7..<(f.count - 2)])
        let quantity = Int(f[4]) << 8 | Int(f[5])
        guard data.count == quantity * 2 else { return .refused(address: address, code: code, .badPayload) }
        switch reg {
        case Register.callText, Register.idleText:
            var bytes = data
            while bytes.last == 0 { bytes.removeLast() }
            guard let text = encoding.decode(bytes) else { return .refused(address: address, code: code, .badPayload) }
            return .command(
                address: address, code: code,
                reg == Register.callText ? .showCall(text) : .showIdleText(text))
        case Register.brightness:
            guard data.count == 2, data[0] == 0, data[1] <= 15 else {
                return .refused(address: address, code: code, .badPayload)
            }
            return .command(address: address, code: code, .brightness(Int(data[1])))
        case Register.clear:
            return .command(address: address, code: code, .clear)
        default:
            return .refused(address: address, code: code, .unknownCommand)
        }
    }

    public func encodeReply(_ reply: ScreenReply, to request: DecodedRequest) -> [UInt8] {
        let frame: [UInt8]
        switch reply {
        case .nak(_, _, .badChecksum):
            return []
        case .nak(let address, let code, let reason):
            let function = (code == 0 ? Self.readHolding : Self.writeMultiple) | 0x80
            let exception: UInt8 =
                switch reason {
                case .unknownCommand: 0x01
                case .busy: 0x06
                case .other: 0x04
                default: 0x03
                }
            frame = [address, function, exception]
        case .ack(let address, let code):
            guard case .command(_, _, let command) = request else { return [] }
            if case .ping = command {
                frame = [address, Self.readHolding, 2, 0, 1]
            } else {
                let quantity = ((try? data(of: command))?.count ?? 0) / 2
                frame = [address, Self.writeMultiple, code, 0, UInt8(quantity >> 8), UInt8(quantity & 0xFF)]
            }
        }
        return frame + CRC16Modbus.wireBytes(frame)
    }

    public func decodeReply(from buffer: inout [UInt8]) -> ScreenReply? {
        while buffer.count >= 2 {
            let function = buffer[1]
            let total: Int
            switch function {
            case Self.writeMultiple: total = 8
            case Self.readHolding:
                guard buffer.count >= 3 else { return nil }
                total = 5 + Int(buffer[2])
            case Self.writeMultiple | 0x80, Self.readHolding | 0x80: total = 5
            default:
                buffer.removeFirst()
                continue
            }
            guard buffer.count >= total else { return nil }
            let frame = Array(buffer.prefix(total))
            guard CRC16Modbus.checksum(frame.prefix(total - 2)) == UInt16(frame[total - 2]) | UInt16(frame[total - 1]) << 8 else {
                buffer.removeFirst()
                continue
            }
            buffer.removeFirst(total)
            switch function {
            case Self.writeMultiple: return .ack(address: frame[0], command: frame[2])
            case Self.readHolding: return .ack(address: frame[0], command: 0)
            default:
                let reason: ScreenRefusal =
                    switch frame[2] {
                    case 0x01: .unknownCommand
                    case 0x03: .badPayload
                    case 0x06: .busy
                    default: .other
                    }
                // An exception does not echo the register; the host matches it by address.
                return .nak(address: frame[0], command: 0xFF, reason: reason)
            }
        }
        return nil
    }
}
