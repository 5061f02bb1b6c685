import HallCore

/// Why a capture failed, with a message a clerk can act on.
public enum ScannerError: HallFailure, Equatable {
    /// No scanner or document camera is connected (or the named one is absent).
    case noDevice
    /// The device is used by another program or another capture.
    case deviceBusy
    /// The device did not deliver an image in time.
    case timeout
    /// The document feeder has no paper.
    case feederEmpty
    /// The document feeder jammed.
    case jammed
    /// The scanner cover is open.
    case coverOpen
    /// The capture was cancelled.
    case cancelled
    /// The device refused a setting (e.g. an unsupported mode).
    case unsupported(String)
    /// Communication with the device failed.
    case io(String)
    /// The scanner's driver did not answer within the time limit and its helper process was killed.
    case unresponsive
    /// The scanner's driver crashed (its helper process ended on a signal or without a result).
    case crashed(String)

    public var code: String {
        switch self {
        case .noDevice: "scanner_no_device"
        case .deviceBusy: "scanner_busy"
        case .timeout: "scanner_timeout"
        case .feederEmpty: "scanner_feeder_empty"
        case .jammed: "scanner_jammed"
        case .coverOpen: "scanner_cover_open"
        case .cancelled: "scanner_cancelled"
        case .unsupported: "scanner_unsupported"
        case .io: "scanner_io"
        case .unresponsive: "scanner_unresponsive"
        case .crashed: "scanner_crashed"
        }
    }

    public var message: String {
        switch self {
        case .noDevice: "未检测到高拍仪/扫描仪，请检查设备连接和电源后重试。"
        case .deviceBusy: "高拍仪/扫描仪正忙，请稍候再试。"
        case .timeout: "采集超时，设备未返回图像，请重试；如多次失败请重新插拔设备。"
        case .feederEmpty: "ADF 无纸：进纸器中没有材料，请放入材料后重试。"
        case .jammed: "扫描仪卡纸，请取出卡住的纸张后重试。"
        case .coverOpen: "扫描仪盖板未关闭，请盖好后重试。"
        case .cancelled: "采集已取消。"
        case .unsupported(let detail): "设备不支持该采集设置（\(detail)），请更换设置后重试。"
        case .io(let detail): "与高拍仪/扫描仪通信失败（\(detail)），请检查连接后重试。"
        case .unresponsive: "高拍仪/扫描仪无响应，本次采集已中止，请检查设备连接后重试；如多次出现请重新插拔设备。"
        case .crashed(let detail): "扫描设备驱动异常退出（\(detail)），本次采集未保存，请检查设备连接后重试；如多次出现请联系管理员。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unsupported: .invalidInput
        case .cancelled: .conflict
        default: .unavailable
        }
    }
}
