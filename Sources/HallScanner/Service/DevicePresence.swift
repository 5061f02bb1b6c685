import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the connected devices a profile applies to (polled for hotplug).
public protocol DevicePresence: Sendable {
    /// Device names present now, best first (SANE device names or `/dev/videoN`).
    func devices() async -> [String]
}

/// SANE devices whose name matches the profile's `match.saneDevice` glob.
public struct SaneDevicePresence: DevicePresence {
    /// Glob over SANE device names.
    public let pattern: String
    private let source: any SaneDeviceSource

    /// Creates a detector over the devices of `source` (libsane in this process, or a helper process).
    public init(pattern: String, source: any SaneDeviceSource = SaneRuntime.shared) {
        self.pattern = pattern
        self.source = source
    }

    /// The matching devices; none when the listing failed (a backend that hung or crashed).
    public func devices() async -> [String] {
        let all = (try? await source.devices()) ?? []
        return all.map(\.name).filter { Glob.matches(pattern, $0) }
    }
}

/// V4L2 capture nodes from `/sys/class/video4linux`, filtered by the profile's node glob and USB
/// `vid:pid`. Metadata nodes (sysfs `index` other than 0) are skipped.
public struct V4L2DevicePresence: DevicePresence {
    /// Glob over device nodes, e.g. `/dev/video*`.
    public let nodePattern: String
    /// `vid:pid` in hex with `*` wildcards, or nil for any.
    public let usbPattern: String?
    /// The sysfs class directory (configurable for tests).
    public let sysfsClass: String

    /// Creates a detector.
    public init(
        nodePattern: String = "/dev/video*", usbPattern: String? = nil,
        sysfsClass: String = "/sys/class/video4linux"
    ) {
        self.nodePattern = nodePattern
        self.usbPattern = usbPattern
        self.sysfsClass = sysfsClass
    }

    public func devices() async -> [String] { nodes() }

    /// The matching capture nodes now (a sysfs listing; does not block on devices).
    public func nodes() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sysfsClass)) ?? []
        return names.sorted().compactMap { name -> String? in
            let node = "/dev/\(name)"
            guard Glob.matches(nodePattern, node) else { return nil }
            let base = "\(sysfsClass)/\(name)"
            if let index = attribute("\(base)/index"), index != "0" { return nil }
            if let usbPattern, usbPattern != "*:*" {
                let vendor = attribute("\(base)/device/../idVendor") ?? ""
                let product = attribute("\(base)/device/../idProduct") ?? ""
                guard Glob.matches(usbPattern.lowercased(), "\(vendor):\(product)".lowercased()) else { return nil }
            }
            return node
        }
    }

    private func attribute(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Shell-style globbing (`fnmatch`).
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }
}
