import Foundation
import HallCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader sees either nothing or the whole file: a temporary file in the
/// same directory, `fsync`, `rename`, then `fsync` of the directory.
enum AtomicFile {
    /// Writes `data` to `url`, creating the parent directory.
    static func write(_ data: Data, to url: URL) throws(CaptureStoreError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageFailure(fileError: error) != nil ? .storageFull : .io("mkdir \(directory.lastPathComponent): \(error)")
        }
        let temporary = directory.appendingPathComponent(".tmp-\(UUID().uuidString)")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system("open", errno: errno) }
        var failure: CaptureStoreError?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .system("write", errno: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .system("fsync", errno: errno) }
        close(fd)
        if failure == nil, rename(temporary.path, url.path) != 0 {
            failure = .system("rename", errno: errno)
        }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        let directoryFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
