import Foundation
import Testing

/// The SANE backend that misbehaves on purpose (`Tests/HallScannerTests/Fixtures/sane-fault/hallfault.c`,
/// built by `scripts/test-prepare.sh` as `artifacts/sane-fault/libsane-hallfault.so.1`), and SANE
/// configuration folders that enable it next to the `test` backend.
///
/// Its devices: `hallfault:good` (a 16×8 grey ramp), `hallfault:deadlock` (waits for a lock a dead
/// backend thread holds), `hallfault:segv`, `hallfault:abort`, `hallfault:exit` (exit status 3).
public enum SaneFaultBackend {
    /// The folder holding the library, for the helper's `LD_LIBRARY_PATH`.
    public static let libraryDirectory = PackagePaths.url("artifacts/sane-fault")

    /// Fails the test unless the library was built.
    public static func requireBuilt() throws {
        let library = libraryDirectory.appendingPathComponent("libsane-hallfault.so.1").path
        try #require(
            FileManager.default.fileExists(atPath: library),
            "\(library) is missing: run scripts/test-prepare.sh (make test does)")
    }

    /// A new SANE configuration folder (removed by the caller) with `dll.conf` = `hallfault` and
    /// `test`, the shipped `test.conf`, and `hallfault.conf` saying how listing fails (`deadlock`,
    /// `segv`; nil: it works).
    public static func configDirectory(listFault: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-sane-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("hallfault\ntest\n".utf8).write(to: folder.appendingPathComponent("dll.conf"))
        try FileManager.default.copyItem(
            at: PackagePaths.url("devices/scanners/sane.d/test.conf"), to: folder.appendingPathComponent("test.conf"))
        if let listFault {
            try Data("list \(listFault)\n".utf8).write(to: folder.appendingPathComponent("hallfault.conf"))
        }
        return folder
    }

    /// The ids of running processes whose command line contains `text` (e.g. `scan-helper`), to
    /// check that no helper outlives its capture.
    public static func processes(containing text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
