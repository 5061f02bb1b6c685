import HallCore
import HallTransport

/// Why a card could not be read. Every case has a Chinese message the kiosk or the clerk can act
/// on; none repeats the card's data, so they can be logged.
public enum IDCardReaderError: HallFailure, Equatable {
    /// No card on the reader.
    case noCard
    /// The card left the field between finding it and reading it.
    case cardRemoved
    /// A document Hall does not read (a foreigner's permanent residence card, a residence permit).
    case unsupportedCard(IDCardKind)
    /// The reader said the card type is unknown (SW3 0x40).
    case unknownCardType
    /// The card was read but its data is not a valid resident ID card.
    case unreadableCard(IDCardError)
    /// Answers kept arriving damaged (bad checksum or length) after a retry.
    case corruptFrame(String)
    /// An answer that frames correctly but does not say what the protocol says it must.
    case malformedAnswer(String)
    /// No answer in time.
    case timeout
    /// The reader is unplugged or went away (what the transport said).
    case disconnected(String)
    /// The reader's port exists but cannot be opened: another program holds it, or no permission.
    case inaccessible(String)
    /// The reader answered with a fault status (its SW3).
    case readerFault(SAMStatus)
    /// No reader is configured for this place.
    case noReader

    public var code: String {
        switch self {
        case .noCard: "idcard_no_card"
        case .cardRemoved: "idcard_card_removed"
        case .unsupportedCard: "idcard_unsupported_card"
        case .unknownCardType: "idcard_unknown_card_type"
        case .unreadableCard(let e): e.code
        case .corruptFrame: "idcard_corrupt_frame"
        case .malformedAnswer: "idcard_malformed_answer"
        case .timeout: "idcard_reader_timeout"
        case .disconnected: "idcard_reader_disconnected"
        case .inaccessible: "idcard_reader_inaccessible"
        case .readerFault: "idcard_reader_fault"
        case .noReader: "idcard_no_reader"
        }
    }

    public var message: String {
        switch self {
        case .noCard: "未检测到身份证，请将证件平放在读卡区。"
        case .cardRemoved: "读卡过程中证件被移开，请将身份证放稳后重新读取。"
        case .unsupportedCard(let kind): "暂不支持\(kind.label)刷证，请到窗口人工办理。"
        case .unknownCardType: "无法识别的证件类型，请使用第二代居民身份证。"
        case .unreadableCard(let e): e.message
        case .corruptFrame: "读卡器数据校验失败，请重新放置证件后再试；多次失败请联系工作人员。"
        case .malformedAnswer: "读卡器应答异常，请重新放置证件后再试；多次失败请联系工作人员。"
        case .timeout: "读卡器没有应答，请联系工作人员检查读卡器。"
        case .disconnected: "身份证阅读器已断开，请联系工作人员检查连接。"
        case .inaccessible: "身份证阅读器无法打开（被其他程序占用或没有权限），请联系工作人员。"
        case .readerFault(let s): "身份证阅读器故障（\(s.meaning)），请联系工作人员。"
        case .noReader: "此处未配置身份证阅读器。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .noCard, .cardRemoved: .conflict
        case .unsupportedCard, .unknownCardType, .unreadableCard: .invalidInput
        case .noReader: .notFound
        case .corruptFrame, .malformedAnswer, .timeout, .disconnected, .inaccessible, .readerFault: .unavailable
        }
    }

    /// The reader error for a transport failure.
    public static func transport(_ error: TransportError) -> IDCardReaderError {
        switch error {
        case .timeout: .timeout
        case .accessDenied(let s), .busy(let s): .inaccessible(s)
        case .notFound(let s), .disconnected(let s), .io(let s): .disconnected(s)
        }
    }
}
