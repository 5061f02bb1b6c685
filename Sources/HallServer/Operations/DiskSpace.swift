import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The free space where halld writes (the database's folder and the state directory), as the
/// `disk` entry of `/healthz`: degraded below the configured minimum, and saying so when a disk is
/// full (writes then answer 503 `storage_full` until space is freed).
struct DiskSpace: Sendable {
    /// The folders to watch.
    let folders: [String]
    /// Free bytes below which the disk is reported degraded.
    let minimumBytes: UInt64

    init(folders: [String], minimumMegabytes: Double) {
        var seen = Set<String>()
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.filter { seen.insert($0).inserted }
        minimumBytes = UInt64(max(0, min(minimumMegabytes, 1e9)) * 1024 * 1024)
    }

    /// Bytes available to halld on the filesystem of `folder` (the nearest existing parent), nil when unknown.
    static func freeBytes(_ folder: String) -> UInt64? {
        var url = URL(fileURLWithPath: folder)
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
        var info = statvfs()
        guard statvfs(url.path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail).multipliedReportingOverflow(by: UInt64(info.f_frsize)).partialValue
    }

    /// The `disk` entry: the folder with the least free space decides.
    func health() -> DeviceHealth {
        let measured = folders.compactMap { folder in Self.freeBytes(folder).map { (folder, $0) } }
        guard let (folder, free) = measured.min(by: { $0.1 < $1.1 }) else {
            return DeviceHealth(name: "disk", ok: false, condition: "无法读取磁盘剩余空间")
        }
        if free < 64 * 1024 {
            return DeviceHealth(name: "disk", ok: false, condition: "存储空间已满（\(folder)），新数据无法保存，请立即清理磁盘")
        }
        if free < minimumBytes {
            return DeviceHealth(
                name: "disk", ok: false,
                condition: "存储空间不足：\(folder) 剩余 \(Self.format(free))（低于 \(Self.format(minimumBytes))），请清理磁盘")
        }
        return DeviceHealth(name: "disk", ok: true, condition: "剩余 \(Self.format(free))")
    }

    /// `512 MB`, `3.2 GB`.
    static func format(_ bytes: UInt64) -> String {
        let megabytes = Double(bytes) / 1_048_576
        return megabytes >= 1024 ? String(format: "%.1f GB", megabytes / 1024) : "\(Int(megabytes)) MB"
    }
}
