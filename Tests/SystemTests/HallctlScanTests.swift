import Foundation
import Testing

/// `hallctl scan` against a live `halld` process: the demo hall's scanners are SANE's `test`
/// backend (no camera on this machine), driven through libsane inside halld.
@Suite("hallctl scan against a live halld")
struct HallctlScanTests {
    @Test("login → case open → scan → scan --source adf --pages 2 → scan list → scan export → the PDF has 3 pages")
    func scanFromTheCommandLine() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-hallctl-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        try await daemon.start()
        defer { _ = daemon.terminate() }
        let environment = ["HALL_URL": daemon.baseURL.absoluteString, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                           "HALL_TOKEN": ""]
        func run(_ arguments: [String], input: String = "") throws -> String {
            let (status, text) = try HallctlProcess.run(arguments, input: input, environment: environment)
            #expect(status == 0, "hallctl \(arguments.joined(separator: " ")): \(text)")
            return text
        }

        _ = try run(["login", "--username", "admin", "--password-stdin"], input: "crash-admin-pass\n")
        _ = try run(["account", "add", "li.na", "--name", "李娜", "--roles", "clerk"], input: "clerk-pass-2026\n")
        _ = try run(["login", "--username", "li.na", "--password-stdin"], input: "clerk-pass-2026\n")
        let opened = try run(["case", "open", "--item", "senior-allowance", "--name", "王秀英", "--id-number", "150626198503121230",
                              "--phone", "13904771234", "--window", "2", "--json"])
        let id = try #require((try JSONSerialization.jsonObject(with: Data(opened.utf8)) as? [String: Any])?["id"] as? Int)

        let first = try run(["scan", "--case", String(id), "--material", "id-card"])
        #expect(first.contains("已采集 1 页（2号窗口）") && first.contains("居民身份证 第1页"), "\(first)")
        let feed = try run(["scan", "--case", String(id), "--material", "application", "--source", "adf", "--pages", "2", "--json"])
        let fed = try #require(try JSONSerialization.jsonObject(with: Data(feed.utf8)) as? [String: Any])
        #expect((fed["captures"] as? [[String: Any]])?.compactMap { $0["page"] as? Int } == [1, 2])

        let list = try run(["scan", "list", "--case", String(id)])
        #expect(list.contains("共 3 页") && list.contains("（application）：2 页") && list.contains("未采集（必需）"), "\(list)")

        let pdf = folder.appendingPathComponent("case.pdf")
        let exported = try run(["scan", "export", "--case", String(id), "-o", pdf.path])
        #expect(exported.contains("已导出"))
        let info = Process()
        info.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        info.arguments = [pdf.path]
        let pipe = Pipe()
        info.standardOutput = pipe
        try info.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        info.waitUntilExit()
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 3") }, "\(text)")

        // A clear Chinese error, and a non-zero exit, for a material not on the checklist.
        let (status, refused) = try HallctlProcess.run(["scan", "--case", String(id), "--material", "passport"], environment: environment)
        #expect(status != 0 && refused.contains("不在事项“高龄津贴申请”的材料清单中"), "\(refused)")
    }
}
