/// Why a display or voice operation failed.
public enum DisplayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A profile names a wire protocol this build does not have.
    case unknownProtocol(String)
    /// The text does not fit the screen (encoded bytes, limit).
    case textTooLong(Int, limit: Int)
    /// A value out of range, e.g. brightness 16.
    case invalidArgument(String)
    /// The protocol cannot express the command (e.g. a protocol without a ping).
    case unsupportedCommand(String)
    /// A profile file could not be read or decoded.
    case badProfile(String)
    /// No screen is configured for the window.
    case noScreenForWindow(Int)

    public var description: String {
        switch self {
        case .unknownProtocol(let id): "未知的显示屏协议：\(id)"
        case .textTooLong(let n, let limit): "显示内容过长：\(n) 字节，屏幕最多 \(limit) 字节"
        case .invalidArgument(let s): "参数无效：\(s)"
        case .unsupportedCommand(let s): "该显示屏协议不支持此命令：\(s)"
        case .badProfile(let s): "显示屏配置文件无效：\(s)"
        case .noScreenForWindow(let w): "\(w)号窗口没有配置显示屏"
        }
    }
}
