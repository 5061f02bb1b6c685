/// SW3, the reader's status byte in every answer.
public struct SAMStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 操作成功.
    public static let success = SAMStatus(rawValue: 0x90)
    /// 寻找证/卡成功.
    public static let cardFound = SAMStatus(rawValue: 0x9F)
    /// 接收业务终端数据的校验和错: our frame arrived damaged.
    public static let checksumError = SAMStatus(rawValue: 0x10)
    /// 接收业务终端数据的长度错.
    public static let lengthError = SAMStatus(rawValue: 0x11)
    /// 接收业务终端的命令错误.
    public static let commandError = SAMStatus(rawValue: 0x21)
    /// 越权操作.
    public static let unauthorisedOperation = SAMStatus(rawValue: 0x23)
    /// 无法识别的错误.
    public static let unknownError = SAMStatus(rawValue: 0x24)
    /// 证/卡认证 SAM 失败.
    public static let cardRejectedReader = SAMStatus(rawValue: 0x31)
    /// SAM 认证证/卡失败.
    public static let readerRejectedCard = SAMStatus(rawValue: 0x32)
    /// 信息验证错误.
    public static let verificationFailed = SAMStatus(rawValue: 0x33)
    /// 无法识别的卡类型 (错误的卡).
    public static let unknownCardType = SAMStatus(rawValue: 0x40)
    /// 读证/卡操作失败 (the card left the field during the read).
    public static let readFailed = SAMStatus(rawValue: 0x41)
    /// 取随机数失败.
    public static let randomFailed = SAMStatus(rawValue: 0x47)
    /// SAM 自检失败.
    public static let selfTestFailed = SAMStatus(rawValue: 0x60)
    /// SAM 未经授权.
    public static let notAuthorised = SAMStatus(rawValue: 0x66)
    /// 寻找证/卡失败: no card.
    public static let noCard = SAMStatus(rawValue: 0x80)
    /// 选取证/卡失败.
    public static let selectFailed = SAMStatus(rawValue: 0x81)
    /// 证/卡中此项无内容.
    public static let noContent = SAMStatus(rawValue: 0x91)

    /// The meaning in Chinese, for messages.
    public var meaning: String {
        switch rawValue {
        case 0x90: "操作成功"
        case 0x9F: "找到证件"
        case 0x10: "校验和错误"
        case 0x11: "长度错误"
        case 0x21: "命令错误"
        case 0x23: "越权操作"
        case 0x24: "无法识别的错误"
        case 0x31: "证件认证读卡器失败"
        case 0x32: "读卡器认证证件失败"
        case 0x33: "信息验证错误"
        case 0x40: "无法识别的证件类型"
        case 0x41: "读证件失败"
        case 0x47: "取随机数失败"
        case 0x60: "安全模块自检失败"
        case 0x66: "安全模块未经授权"
        case 0x80: "未找到证件"
        case 0x81: "选取证件失败"
        case 0x91: "证件中无此项内容"
        default: "未知状态"
        }
    }

    /// e.g. `0x41 读证件失败`.
    public var description: String { "0x\(hex2(rawValue)) \(meaning)" }
}
