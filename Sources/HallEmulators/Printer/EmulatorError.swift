/// Why a virtual device endpoint could not be set up or a receipt not saved.
public enum EmulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A socket could not be created, bound or listened on.
    case socket(String)
    /// A pseudo-terminal could not be created.
    case pty(String)
    /// Rendering (Cairo/Pango/libqrencode) failed.
    case render(String)
    /// Writing an output file failed.
    case output(String)

    public var description: String {
        switch self {
        case .socket(let s): "模拟设备网络端口错误：\(s)"
        case .pty(let s): "模拟设备伪终端错误：\(s)"
        case .render(let s): "小票渲染失败：\(s)"
        case .output(let s): "小票文件保存失败：\(s)"
        }
    }
}
