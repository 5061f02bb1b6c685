import Foundation
import HallTestSupport
import Testing

/// A home visit's identity check with the reader on the staff's laptop: `hallctl visit verify`
/// reads the card on a local reader (`hall-emulator idcard` on a pty standing in for it) and halld
/// compares it with the applicant, keeping only the outcome.
@Suite("hallctl visit verify with a local reader against a live halld")
struct HallctlVisitVerifyTests {
    @Test("the applicant's card: verified; another person's: refused (exit 3); the outcome on the visit, no card data")
    func verifyOnSite() async throws {
        let hall = try await Hallctl(at: FakeTime.beijing("2026-11-25", "09:30"))
        defer { hall.close() }
        try hall.addAccounts([("li.na", "李娜", "clerk", nil), ("zhuren", "张主任", "head", nil)])
        let link = hall.folder.appendingPathComponent("ttyLaptopReader").path
        let reader = Process()
        reader.executableURL = try DaemonProcess.binary("hall-emulator")
        reader.arguments = [
            "idcard", "--pty-link", link, "--cards", PackagePaths.url("Tests/HallIDCardTests/Fixtures/cards.json").path, "--place", "0",
        ]
        let readerIn = Pipe()
        reader.standardInput = readerIn
        reader.standardOutput = FileHandle.nullDevice
        reader.standardError = FileHandle.nullDevice
        try reader.run()
        defer {
            kill(reader.processIdentifier, SIGKILL)
            reader.waitUntilExit()
        }
        for _ in 0..<250 where !FileManager.default.fileExists(atPath: link) { try await Task.sleep(for: .milliseconds(20)) }

        try hall.signIn("li.na", Hallctl.password("li.na"))
        try hall.ok([
            "visit", "request", "--name", "韩梅梅", "--phone", "13904770002", "--id-number", "150626199005170026",
            "--eligibility", "disabled", "--item", "senior-allowance", "--address", "嘎鲁图镇示例路1号", "--day", "2026-11-30",
            "--request", "申请上门办理",
        ])
        let early = try hall.refused(["visit", "verify", "SM20261125-01", "--device", link, "--wait", "2"])
        #expect(early.contains("核验身份"), "only an approved visit: \(early)")
        try hall.signIn("zhuren", Hallctl.password("zhuren"))
        try hall.ok(["visit", "approve", "SM20261125-01", "--day", "2026-11-30", "--time", "09:30", "--staff", "li.na"])

        try hall.signIn("li.na", Hallctl.password("li.na"))
        let verified = try hall.ok(["visit", "verify", "SM20261125-01", "--device", link, "--wait", "2"])
        #expect(verified.contains("身份核验通过") && verified.contains("韩*梅"), "\(verified)")
        #expect(!verified.contains("韩梅梅") && !verified.contains("150626199005170026"), "\(verified)")

        readerIn.fileHandleForWriting.write(Data("place 1\n".utf8))
        try await Task.sleep(for: .milliseconds(200))
        let other = try hall.run(["visit", "verify", "SM20261125-01", "--device", link, "--wait", "2"])
        #expect(other.status == 3 && other.output.contains("证件不是申请人本人的"), "\(other.text)")
        #expect(try hall.ok(["visit", "show", "SM20261125-01"]).contains("李娜 证件不是申请人本人的"))
        let shown = try hall.json(["visit", "show", "SM20261125-01"])
        #expect(shown["identityCheck"]?["result"]?.string == "idNumberDiffers" && shown["identityCheck"]?["reader"]?.string == "local")

        readerIn.fileHandleForWriting.write(Data("remove\n".utf8))
        try await Task.sleep(for: .milliseconds(200))
        let empty = try hall.run(["visit", "verify", "SM20261125-01", "--device", link, "--wait", "0"])
        #expect(empty.status == 2 && empty.errors.contains("未检测到身份证"), "\(empty.text)")
    }
}
