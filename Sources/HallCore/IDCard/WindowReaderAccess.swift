/// Whether a clerk may read cards on the reader of a window: only at the window they work at
/// (`WindowSeats`), or — nobody having taken it since halld started — the window whose AB post
/// has them on duty.
public enum WindowReaderAccess {
    /// Throws unless `username` may use the reader of `window`. `onDuty` is the window's on-duty
    /// post holder (nil: no posts).
    public static func check(_ username: String, window: Int, seats: WindowSeats, onDuty: String?) throws(WindowReaderError) {
        let mine = seats.window(of: username)
        if mine == window { return }
        if let other = seats.occupant(of: window) { throw .takenByAnother(window: window, yours: mine, occupant: other) }
        if let mine { throw .notYourWindow(window: window, yours: mine) }
        if onDuty == username { return }
        throw .windowNotTaken(window: window)
    }
}

/// Why a clerk may not read on a window's reader (403). Names no resident.
public enum WindowReaderError: HallFailure, Equatable {
    /// Someone else works at the window (`yours`: the clerk's own window, if any).
    case takenByAnother(window: Int, yours: Int?, occupant: String)
    /// The clerk works at another window.
    case notYourWindow(window: Int, yours: Int)
    /// The clerk has taken no window, and the window's posts do not have them on duty.
    case windowNotTaken(window: Int)

    public var code: String {
        switch self {
        case .takenByAnother, .notYourWindow: "idcard_not_your_window"
        case .windowNotTaken: "idcard_window_not_taken"
        }
    }

    public var message: String {
        switch self {
        case .takenByAnother(let window, let yours, let occupant):
            (yours.map { "您当前在\($0)号窗口；" } ?? "") + "\(window)号窗口当前由 \(occupant) 使用，不能使用该窗口的读卡器读卡。"
        case .notYourWindow(let window, let yours):
            "您当前在\(yours)号窗口，不能使用\(window)号窗口的读卡器读卡。如需换窗口，请先在控制台选择该窗口。"
        case .windowNotTaken(let window):
            "请先在控制台选择\(window)号窗口（本人当前所在窗口），再读取身份证。"
        }
    }

    public var kind: FailureKind { .forbidden }
}
