import HallCore

/// Why a capture request was refused, with what the clerk can do about it.
enum CaptureError: HallFailure, Equatable {
    /// The material is not on the checklist of the case's item.
    case unknownMaterial(String, item: String)
    /// The case is closed or withdrawn: its file is final.
    case caseFinished(String, state: String)
    /// The hall has no scanners configured.
    case scannersDisabled
    /// The window has no scanner.
    case noScannerAtWindow(Int)
    /// Several windows have scanners and neither the request nor the case names one.
    case windowNeeded
    /// A page of several needs the document feeder.
    case pagesNeedFeeder(Int)
    /// A number out of range (pages, resolution).
    case outOfRange(name: String, value: Int, range: ClosedRange<Int>)
    /// No such page in this case.
    case unknownPage(String)
    /// The case has no pages to export.
    case nothingCaptured(String)

    var code: String {
        switch self {
        case .unknownMaterial: "capture_unknown_material"
        case .caseFinished: "capture_case_finished"
        case .scannersDisabled: "scanner_not_configured"
        case .noScannerAtWindow: "scanner_not_at_window"
        case .windowNeeded: "capture_window_needed"
        case .pagesNeedFeeder: "capture_pages_need_adf"
        case .outOfRange: "invalid_parameter"
        case .unknownPage: "capture_not_found"
        case .nothingCaptured: "capture_none"
        }
    }

    var message: String {
        switch self {
        case .unknownMaterial(let id, let item): "材料“\(id)”不在事项“\(item)”的材料清单中，请从清单中选择材料后再采集。"
        case .caseFinished(let ref, let state): "办件 \(ref) \(state)，不能再增删材料图像。"
        case .scannersDisabled: "本大厅未配置高拍仪/扫描仪，无法采集。请联系管理员在配置中启用 hardware.scanners。"
        case .noScannerAtWindow(let window): "\(window)号窗口未配置高拍仪/扫描仪，请在有扫描设备的窗口采集。"
        case .windowNeeded: "请指定在哪个窗口的高拍仪/扫描仪上采集（window）。"
        case .pagesNeedFeeder(let pages): "一次采集 \(pages) 页需使用自动进纸器（source=adf）；平板或高拍仪每次采集一页。"
        case .outOfRange(let name, let value, let range): "参数 \(name) 的值 \(value) 超出范围（\(range.lowerBound)–\(range.upperBound)）。"
        case .unknownPage(let id): "该办件没有这页材料图像（\(id)），可能已被删除，请刷新后重试。"
        case .nothingCaptured(let ref): "办件 \(ref) 尚未采集任何材料图像，无法导出 PDF。"
        }
    }

    var kind: FailureKind {
        switch self {
        case .unknownMaterial, .windowNeeded, .pagesNeedFeeder, .outOfRange: .invalidInput
        case .caseFinished: .conflict
        case .scannersDisabled, .noScannerAtWindow: .unavailable
        case .unknownPage, .nothingCaptured: .notFound
        }
    }
}
