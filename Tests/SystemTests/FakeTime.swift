import Foundation

/// Sets the wall clock of a child process through libfaketime (Debian package `libfaketime`,
/// LD_PRELOAD), so a test can run halld on a chosen day: halld's clock is the system clock and
/// has no setting of its own.
///
/// The clock is shifted by a fixed offset and keeps running; the monotonic clock (NIO's timers)
/// is left alone. `FAKETIME_SHARED` names objects that do not exist: without it libfaketime
/// creates shared memory and `setenv`s its name while the process starts, which moves `environ`
/// and makes the Swift runtime lose `CommandLine.arguments` (seen with libfaketime 0.9.10); with
/// it, the library makes its objects later, named by the process id (see `removeLeftovers`).
enum FakeTime {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "libfaketime is missing: run scripts/deps.sh test (Debian package libfaketime)" }
    }

    /// The library, wherever the multiarch folder is.
    static func library() throws -> String {
        let lib = URL(fileURLWithPath: "/usr/lib")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []).sorted()
        for folder in [""] + folders {
            let candidate = lib.appendingPathComponent(folder).appendingPathComponent("faketime/libfaketime.so.1").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw Missing()
    }

    /// The environment that starts a child's clock at `instant`.
    static func environment(at instant: Date) throws -> [String: String] {
        let offset = Int(instant.timeIntervalSinceNow.rounded())
        return [
            "LD_PRELOAD": try library(), "FAKETIME": offset < 0 ? "\(offset)" : "+\(offset)",
            "FAKETIME_DONT_FAKE_MONOTONIC": "1", "FAKETIME_SHARED": "/hall-test-no-sem /hall-test-no-shm",
        ]
    }

    /// Removes the shared-memory objects libfaketime made for process `pid` (`FAKETIME_SHARED`
    /// names none that exist, so it makes its own); it removes them itself at a normal exit only.
    static func removeLeftovers(of pid: Int32) {
        for name in ["faketime_shm_\(pid)", "sem.faketime_sem_\(pid)"] {
            try? FileManager.default.removeItem(atPath: "/dev/shm/\(name)")
        }
    }

    /// `hh:mm` Beijing time on `day` (yyyy-MM-dd).
    static func beijing(_ day: String, _ time: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.date(from: "\(day) \(time)")!
    }
}
