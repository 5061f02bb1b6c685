import Foundation

/// The SANE devices, listed by a helper process (`sane_get_devices` can hang in a broken backend;
/// the helper is killed after `SaneHelper.listTimeout`). Shared by every scanner of one SANE
/// configuration: callers at the same time share one helper run, and a list younger than `maxAge`
/// is reused, so that polling several windows' scanners starts one process, not one each.
public actor IsolatedSaneDeviceList: SaneDeviceSource {
    private let helper: SaneHelper
    private let configDirectory: String?
    private let maxAge: Duration
    private var running: Task<Result<[SaneDeviceInfo], ScannerError>, Never>?
    private var last: (at: ContinuousClock.Instant, devices: [SaneDeviceInfo])?

    /// Creates a listing for SANE's configuration in `configDirectory` (nil: libsane's default).
    public init(helper: SaneHelper, configDirectory: String?, maxAge: Duration = .seconds(1)) {
        self.helper = helper
        self.configDirectory = configDirectory
        self.maxAge = maxAge
    }

    public func devices() async throws(ScannerError) -> [SaneDeviceInfo] {
        if let last, ContinuousClock.now - last.at < maxAge { return last.devices }
        let task =
            running
            ?? Task { [helper, configDirectory] in
                let request = SaneHelperRequest(operation: .list, configDirectory: configDirectory, timeoutMilliseconds: 0)
                do throws(ScannerError) {
                    let (messages, ending) = try await helper.run(request, timeout: helper.listTimeout)
                    return .success(try SaneHelperVerdict.devices(messages, ending: ending))
                } catch {
                    return .failure(error)
                }
            }
        running = task
        let result = await task.value
        if running == task { running = nil }
        if case .success(let devices) = result { last = (.now, devices) }
        return try result.get()
    }
}
