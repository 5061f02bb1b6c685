import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small tmpfs mounted for a test (needs root, or CAP_SYS_ADMIN), to fill a disk for real.
public struct Tmpfs: Sendable {
    /// The mount point.
    public let url: URL

    /// Whether this process may mount one (tried once with a 1 MB tmpfs).
    public static let canMount: Bool = {
        guard let probe = try? Tmpfs(megabytes: 1) else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a tmpfs of `megabytes` on a new temporary folder.
    public init(megabytes: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hall-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard mount("tmpfs", url.path, "tmpfs", 0, "size=\(megabytes)m,mode=0755") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "mount tmpfs: \(reason)"])
        }
    }

    /// Unmounts (lazily, should a file still be open) and removes the mount point.
    public func unmount() {
        umount2(url.path, Int32(MNT_DETACH))
        try? FileManager.default.removeItem(at: url)
    }

    /// Bytes free on it now.
    public var freeBytes: UInt64 {
        var info = statvfs()
        guard statvfs(url.path, &info) == 0 else { return 0 }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Fills the filesystem with `file` until a write fails for lack of space; returns the bytes written.
    @discardableResult
    public func fill(_ file: URL) throws -> Int {
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var total = 0
        for size in [1 << 20, 4096, 512, 1] {
            let chunk = [UInt8](repeating: 0x55, count: size)
            while true {
                let written = write(fd, chunk, chunk.count)
                if written > 0 {
                    total += written
                    continue
                }
                guard errno == ENOSPC || written == 0 else { throw CocoaError(.fileWriteUnknown) }
                break
            }
        }
        return total
    }
}
