import Foundation
import HallCore
import HallPrinter
import HallServer

/// Time to encode a queue ticket (bytes ready for the printer), next to python-escpos
/// building the same ticket when it is installed.
///
/// Call from hall-bench's main: `let results = PrinterBenchmark.run(iterations: 5_000)`.
/// Keys: `printer.encode_ticket_us` (mean µs per ticket), `printer.encode_ticket_bytes`,
/// and when python-escpos is importable `printer.python_escpos_ticket_us` and
/// `printer.speedup_vs_python_escpos` (target ≥ 20).
enum PrinterBenchmark {
    static func run(iterations: Int) -> [String: Double] {
        let n = max(iterations, 1)
        let slip = TicketSlip(
            centerName: "青山镇便民服务中心", serviceName: "社保医保", number: "A001",
            peopleAhead: 3, estimatedWaitMinutes: 12, issuedAt: "2025-03-14 09:05",
            statusURL: "https://hall.example.cn/t/20250314-A001")
        let layout = TicketLayout()
        let profile = PrinterProfile.generic80mm
        var size = 0
        _ = try? layout.encode(slip, for: profile)  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n {
            var s = slip
            s.peopleAhead = i % 50
            size = (try? layout.encode(s, for: profile))?.count ?? 0
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000
        var results: [String: Double] = [
            "printer.encode_ticket_us": elapsed / Double(n),
            "printer.encode_ticket_bytes": Double(size),
        ]
        if let python = pythonBaseline(iterations: min(n, 2_000)) {
            results["printer.python_escpos_ticket_us"] = python
            results["printer.speedup_vs_python_escpos"] = python / (elapsed / Double(n))
        }
        // The same ticket in a bilingual hall: the Mongolian lines drawn with Pango and sent as images.
        if let mongolian = mongolianScript() {
            var bilingual = slip
            bilingual.secondScript = mongolian
            var bilingualSize = 0
            let m = max(n / 10, 1)
            let started = DispatchTime.now().uptimeNanoseconds
            for i in 0..<m {
                bilingual.peopleAhead = i % 50
                bilingualSize = (try? layout.encode(bilingual, for: profile))?.count ?? 0
            }
            let perTicket = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000 / Double(m)
            results["printer.bilingual_ticket_us"] = perTicket
            results["printer.bilingual_ticket_bytes"] = Double(bilingualSize)
            results["printer.bilingual_vs_chinese_time"] = perTicket / (elapsed / Double(n))
            results["printer.bilingual_vs_chinese_bytes"] = Double(bilingualSize) / Double(max(size, 1))
        }
        return results
    }

    /// The ticket's Mongolian lines from the shipped catalog (data/i18n/mn.json); nil when not found.
    private static func mongolianScript() -> SecondScript? {
        let file = repositoryFile("data/i18n/mn.json")
        guard let file, let data = FileManager.default.contents(atPath: file.path),
            let catalog = try? MessageCatalog(language: .mn, json: data)
        else { return nil }
        return SecondScript(
            wording: TicketWording(catalog: catalog),
            centerName: "ᠤᠯᠠᠭᠠᠨᠲᠣᠯᠭᠠᠢ ᠪᠠᠭ᠎ᠠ ᠬᠣᠲᠠ")
    }

    /// A file of the source tree, from the working directory or from this file's place.
    private static func repositoryFile(_ path: String) -> URL? {
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(path),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Runs bench/escpos_baseline.py; nil when python3 or python-escpos is missing.
    private static func pythonBaseline(iterations: Int) -> Double? {
        guard let script = repositoryFile("bench/escpos_baseline.py") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["HALL_PYTHON"] ?? "python3", script.path, "--iterations", String(iterations)]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let perTicket = json["per_ticket_us"] as? Double
        else { return nil }
        return perTicket
    }
}
