import CSane
import Dispatch
import Foundation

/// The one owner of libsane in the process.
///
/// libsane is not thread-safe and keeps global state, so every call goes through one serial queue
/// (`perform`). It is initialised lazily on first use; `SANE_CONFIG_DIR` is set just before
/// `sane_init`. libsane caches its configuration search path for the life of the process, so the
/// configuration directory is fixed by the first initialisation: a later request for another
/// directory is refused (`useConfigDirectory` returns false).
public final class SaneRuntime: @unchecked Sendable {
    /// The process-wide runtime.
    public static let shared = SaneRuntime()

    private let queue = DispatchQueue(label: "hall.sane")
    // Guarded by `lock` (read from any thread) and mutated only on `queue`.
    private let lock = NSLock()
    private var configDirectory: String?
    private var initialized = false
    private var fixedDirectory: String?

    private init() {}

    /// Chooses the SANE configuration directory (a directory holding `dll.conf` and the backends'
    /// `.conf` files). Returns false when libsane was already initialised with another directory.
    @discardableResult
    public func useConfigDirectory(_ path: String?) -> Bool {
        let path = path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        lock.lock()
        defer { lock.unlock() }
        if initialized { return fixedDirectory == path }
        configDirectory = path
        return true
    }

    /// Runs `body` on the libsane queue, initialising libsane first if needed.
    func perform<T: Sendable>(_ body: @escaping @Sendable () throws(ScannerError) -> T) async throws(ScannerError) -> T {
        let result: Result<T, ScannerError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(
                    returning: Result { () throws(ScannerError) -> T in
                        try self.initializeIfNeeded()
                        return try body()
                    })
            }
        }
        return try result.get()
    }

    /// Lists the devices libsane sees now (`sane_get_devices`, which re-probes the backends).
    public func devices() async throws(ScannerError) -> [SaneDeviceInfo] {
        try await perform { () throws(ScannerError) -> [SaneDeviceInfo] in
            var list: UnsafeMutablePointer<UnsafePointer<SANE_Device>?>?
            let status = sane_get_devices(&list, SANE_FALSE)
            guard status == SANE_STATUS_GOOD else { throw SaneStatusMapping.error(for: status) }
            var devices: [SaneDeviceInfo] = []
            var index = 0
            while let device = list?[index] {
                devices.append(SaneDeviceInfo(device.pointee))
                index += 1
            }
            return devices
        }
    }

    private func initializeIfNeeded() throws(ScannerError) {
        lock.lock()
        defer { lock.unlock() }
        guard !initialized else { return }
        if let configDirectory {
            setenv("SANE_CONFIG_DIR", configDirectory, 1)
        }
        var version: SANE_Int = 0
        let status = sane_init(&version, nil)
        guard status == SANE_STATUS_GOOD else { throw SaneStatusMapping.error(for: status) }
        initialized = true
        fixedDirectory = configDirectory
    }
}

/// A device as `sane_get_devices` describes it.
public struct SaneDeviceInfo: Sendable, Equatable, Codable {
    /// Device name to open, e.g. `test:0` or `fujitsu:libusb:001:004`.
    public var name: String
    /// Vendor string.
    public var vendor: String
    /// Model string.
    public var model: String
    /// Device type, e.g. `flatbed scanner`, `sheetfed scanner`.
    public var type: String

    init(_ device: SANE_Device) {
        name = device.name.map { String(cString: $0) } ?? ""
        vendor = device.vendor.map { String(cString: $0) } ?? ""
        model = device.model.map { String(cString: $0) } ?? ""
        type = device.type.map { String(cString: $0) } ?? ""
    }

    /// Creates a description (for tests and detectors).
    public init(name: String, vendor: String, model: String, type: String) {
        self.name = name
        self.vendor = vendor
        self.model = model
        self.type = type
    }
}
