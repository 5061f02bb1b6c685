/// Where the list of SANE devices comes from: libsane in this process (`SaneRuntime`) or a helper
/// process (`IsolatedSaneDeviceList`).
public protocol SaneDeviceSource: Sendable {
    /// The devices libsane sees now.
    func devices() async throws(ScannerError) -> [SaneDeviceInfo]
}

extension SaneRuntime: SaneDeviceSource {}
