import Foundation

/// What halld asks of one scan helper process (`halld scan-helper REQUEST`): list the SANE devices,
/// or capture on one device. Passed as JSON in the helper's only argument.
public struct SaneHelperRequest: Codable, Sendable, Equatable {
    /// The helper's one job.
    public enum Operation: String, Codable, Sendable {
        /// `sane_get_devices`.
        case list
        /// Open the device, set the options, scan every page, close.
        case capture
    }

    /// The job.
    public var operation: Operation
    /// SANE configuration directory (`dll.conf` and the backends' files); nil: libsane's default.
    public var configDirectory: String?
    /// The device to capture on; empty: the first device libsane lists.
    public var device: String
    /// The capture's options (capture only).
    public var options: ScanOptions?
    /// The capture's own time limit in milliseconds: the helper cancels the scan (`sane_cancel`) then
    /// and reports `scanner_timeout`. halld kills the helper a little later if it has not ended.
    public var timeoutMilliseconds: Int

    /// Creates a request.
    public init(
        operation: Operation, configDirectory: String?, device: String = "", options: ScanOptions? = nil,
        timeoutMilliseconds: Int
    ) {
        self.operation = operation
        self.configDirectory = configDirectory
        self.device = device
        self.options = options
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The request as the helper's argument.
    func argument() -> String {
        // Encoding a struct of strings, numbers and enums cannot fail.
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads the helper's argument.
    static func parse(_ argument: String) throws(ScannerError) -> SaneHelperRequest {
        do {
            return try JSONDecoder().decode(SaneHelperRequest.self, from: Data(argument.utf8))
        } catch {
            throw .io("malformed scan helper request")
        }
    }
}
