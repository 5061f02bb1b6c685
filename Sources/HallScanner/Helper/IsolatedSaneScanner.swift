/// A SANE scanner driven in a helper process (`SaneHelper`): each capture opens, scans and closes
/// the device in a child that halld kills when it outlives the capture's time limit by the
/// helper's `killGrace`. The pages come back through the helper's report.
public struct IsolatedSaneScanner: DocumentScanner {
    /// The SANE device name to open; empty means the first device libsane lists.
    public let deviceName: String
    /// The capture's time limit: the helper cancels the scan then (`timeout`), halld kills it
    /// `killGrace` later (`unresponsive`).
    public let timeout: Duration
    private let helper: SaneHelper
    private let configDirectory: String?

    /// Creates a scanner for `device` (nil: the first one found), with SANE's configuration in
    /// `configDirectory` (nil: libsane's default).
    public init(helper: SaneHelper, device: String? = nil, configDirectory: String?, timeout: Duration = .seconds(120)) {
        self.helper = helper
        deviceName = device ?? ""
        self.configDirectory = configDirectory
        self.timeout = timeout
    }

    public func capture(_ options: ScanOptions) async throws(ScannerError) -> [ScannedPage] {
        let (seconds, attoseconds) = timeout.components
        let request = SaneHelperRequest(
            operation: .capture, configDirectory: configDirectory, device: deviceName, options: options,
            timeoutMilliseconds: Int(max(1, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))))
        let (messages, ending) = try await helper.run(request, timeout: timeout + helper.killGrace)
        return try SaneHelperVerdict.pages(messages, ending: ending)
    }
}
