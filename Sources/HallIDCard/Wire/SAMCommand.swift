/// A request to the reader's SAM module: command, parameter and data.
public struct SAMCommand: Equatable, Sendable, CustomStringConvertible {
    public var code: UInt8
    public var parameter: UInt8
    public var data: [UInt8]

    public init(code: UInt8, parameter: UInt8, data: [UInt8] = []) {
        self.code = code
        self.parameter = parameter
        self.data = data
    }

    /// Reads a request frame; nil when the body is shorter than command and parameter.
    public init?(frame: SAMFrame) {
        guard frame.body.count >= 2 else { return nil }
        self.init(code: frame.body[0], parameter: frame.body[1], data: Array(frame.body.dropFirst(2)))
    }

    /// The request on the wire.
    public var frame: SAMFrame { SAMFrame(body: [code, parameter] + data) }

    /// 复位 SAM.
    public static let reset = SAMCommand(code: 0x10, parameter: 0xFF)
    /// SAM 状态检测.
    public static let status = SAMCommand(code: 0x11, parameter: 0xFF)
    /// 读 SAM 管理信息 (the module's serial number).
    public static let readSAMID = SAMCommand(code: 0x12, parameter: 0xFF)
    /// 寻找证/卡: is a card in the field?
    public static let findCard = SAMCommand(code: 0x20, parameter: 0x01)
    /// 选取证/卡: select the card found.
    public static let selectCard = SAMCommand(code: 0x20, parameter: 0x02)
    /// 读固定信息: the text block and the photo.
    public static let readText = SAMCommand(code: 0x30, parameter: 0x01)
    /// 读追加住址: the latest appended address.
    public static let readAppendedAddress = SAMCommand(code: 0x30, parameter: 0x03)

    /// e.g. `20 01`.
    public var description: String {
        ([code, parameter] + data.prefix(8)).map { hex2($0) }.joined(separator: " ")
    }
}

/// Two upper-case hex digits.
func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
