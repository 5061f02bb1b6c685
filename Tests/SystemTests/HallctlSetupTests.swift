import Foundation
import HallTestSupport
import Testing

/// First-run setup of a fresh halld (no admin password, no center configured) with `hallctl setup`:
/// the real daemon serves setup, then starts the hall in the same process.
@Suite("hallctl setup against a fresh halld")
struct HallctlSetupTests {
    @Test("a wrong code is refused; the right one from the code file sets the hall up and halld starts it; setup twice is refused")
    func setup() async throws {
        let hall = try await Hallctl(fresh: true)
        defer { hall.close() }
        let codeFile = hall.folder.appendingPathComponent("setup-code")
        #expect(try FileManager.default.attributesOfItem(atPath: codeFile.path)[.posixPermissions] as? Int == 0o600)
        let health = try await HTTP.get(hall.daemon.baseURL.appendingPathComponent("healthz"))
        #expect(String(decoding: health.body, as: UTF8.self).contains(#""status":"setup""#))
        #expect(try hall.refused(["status"]).contains("尚未完成首次设置"), "the API waits for setup")

        let options = [
            "--center-name", "测试镇便民服务中心", "--center-phone", "0477-7550000", "--public-url", "http://192.0.2.10:8080",
            "--service", "A:综合窗口:10", "--service", "B:社保医保", "--window", "1:综合受理窗口:A,B", "--window", "2:社保窗口:B",
            "--password-stdin",
        ]
        let wrong = try hall.refused(["setup", "--code", "aaaa-bbbb-cccc"] + options, input: "setup-admin-2026\n")
        #expect(wrong.contains("设置码不正确"), "\(wrong)")
        // The configuration's rating pad stands at window 3: setup without it is refused, the code stays valid.
        let conflict = try hall.refused(["setup", "--code-file", codeFile.path] + options, input: "setup-admin-2026\n")
        #expect(conflict.contains("与配置文件中的设置不一致") && conflict.contains("devices.ratingPads.0.window"), "\(conflict)")
        let withPad = options + ["--window", "3:社保窗口:B"]
        let done = try hall.ok(["setup", "--code-file", codeFile.path] + withPad, input: "setup-admin-2026\n")
        #expect(done.contains("首次设置完成：测试镇便民服务中心") && done.contains("中心已启动"), "\(done)")
        #expect(!FileManager.default.fileExists(atPath: codeFile.path), "the code file is removed")

        try hall.signIn("admin", "setup-admin-2026")
        let status = try hall.ok(["status"])
        #expect(status.contains("社保医保") && !status.contains("民政残联"), "\(status)")
        let running = try await HTTP.get(hall.daemon.baseURL.appendingPathComponent("healthz"))
        #expect(String(decoding: running.body, as: UTF8.self).contains(#""publicURL":"http://192.0.2.10:8080""#))
        let again = try hall.refused(["setup", "--code", "aaaa-bbbb-cccc"] + withPad, input: "setup-admin-2026\n")
        #expect(again.contains("已经设置过"), "\(again)")
    }
}
