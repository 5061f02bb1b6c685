/// A device that turns paper into page images: a SANE scanner or a UVC document camera (高拍仪).
///
/// Implementations block on device I/O inside `capture`, off the caller's executor, and either
/// return every page of the capture or throw a `ScannerError` (no partial result).
public protocol DocumentScanner: Sendable {
    /// A stable description of the device, e.g. `test:0` or `/dev/video0`.
    var deviceName: String { get }
    /// Captures one or more pages.
    func capture(_ options: ScanOptions) async throws(ScannerError) -> [ScannedPage]
}
