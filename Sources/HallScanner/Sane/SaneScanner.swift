import CSane
import Dispatch
import Foundation

/// A scanner driven through libsane: flatbed or ADF, resolution, colour mode, multi-page feed.
///
/// All libsane calls run on `SaneRuntime`'s serial queue. Option names used are the SANE
/// well-known ones: `source`, `mode`, `depth`, `resolution`, plus the profile's extra options.
public struct SaneScanner: DocumentScanner {
    /// The SANE device name to open; empty means the first device libsane lists.
    public let deviceName: String
    /// How long one capture (all pages) may take before it is cancelled with `.timeout`.
    public let timeout: Duration
    private let runtime: SaneRuntime

    /// Creates a scanner for `device` (nil: the first one found).
    public init(device: String? = nil, timeout: Duration = .seconds(120), runtime: SaneRuntime = .shared) {
        deviceName = device ?? ""
        self.timeout = timeout
        self.runtime = runtime
    }

    public func capture(_ options: ScanOptions) async throws(ScannerError) -> [ScannedPage] {
        let job = SaneJob()
        let watchdog = DispatchWorkItem { job.stop(.timeout) }
        let (seconds, attoseconds) = timeout.components
        DispatchQueue.global().asyncAfter(
            deadline: .now() + .milliseconds(Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)),
            execute: watchdog)
        defer { watchdog.cancel() }
        if Task.isCancelled { throw .cancelled }
        let name = deviceName
        let result: Result<[ScannedPage], ScannerError> = await withTaskCancellationHandler {
            do throws(ScannerError) {
                return .success(
                    try await runtime.perform { () throws(ScannerError) -> [ScannedPage] in
                        try SaneSession.capture(device: name, options: options, job: job)
                    })
            } catch {
                return .failure(error)
            }
        } onCancel: {
            job.stop(.cancelled)
        }
        return try result.get()
    }
}
