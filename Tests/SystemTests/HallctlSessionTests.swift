import Foundation
import HallTestSupport
import Testing

/// hallctl's sign-in, token file, account management, error messages and backup, against a live halld.
@Suite("hallctl sessions, accounts, errors and backup against a live halld")
struct HallctlSessionTests {
    @Test("no token, a wrong password, an unknown service, a wrong role, no daemon: a Chinese message and a non-zero exit")
    func refusals() async throws {
        let hall = try await Hallctl()
        defer { hall.close() }
        let token = hall.configHome.appendingPathComponent("hall/token")

        let anonymous = try hall.refused(["ticket", "take", "社保医保"])
        #expect(anonymous.contains("请先登录：hallctl login（或设置 HALL_TOKEN）"), "\(anonymous)")
        let wrong = try hall.refused(["login", "--username", "admin", "--password-stdin"], input: "not-the-password\n")
        #expect(wrong.contains("用户名或密码错误") && !wrong.contains("请先登录"), "\(wrong)")
        #expect(!FileManager.default.fileExists(atPath: token.path), "a refused sign-in keeps no token")

        try hall.addAccounts([("li.na", "李娜", "clerk", nil)])
        try hall.signIn("li.na", Hallctl.password("li.na"))
        let unknown = try hall.refused(["ticket", "take", "不存在的业务"])
        #expect(unknown.contains("没有名为“不存在的业务”的业务，请从业务列表中选择。"), "\(unknown)")
        let role = try hall.refused(["account", "list"])
        #expect(role.contains("您的角色无权进行“查看账号”操作"), "\(role)")

        let away = try hall.refused(["status", "--url", "http://127.0.0.1:\(try DaemonProcess.freePort())"])
        #expect(away.contains("无法连接 halld"), "\(away)")
        let stale = try hall.refused(["case", "decide", "BM20260101-0001"])
        #expect(stale.contains("请在 --approve、--reject 理由、--inspect 核查事项 中选择且只选择一项"), "\(stale)")
    }

    @Test("login keeps the token in $XDG_CONFIG_HOME/hall/token (0600) and logout removes it; --json answers")
    func loginAndLogout() async throws {
        let hall = try await Hallctl()
        defer { hall.close() }
        let token = hall.configHome.appendingPathComponent("hall/token")

        let text = try hall.ok(["login", "--username", "admin", "--password-stdin"], input: Hallctl.adminPassword + "\n")
        #expect(text == "已登录：系统管理员（系统管理员）；令牌保存在 \(token.path)\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: token.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let saved = try String(contentsOf: token, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(saved.count >= 32)
        #expect(
            !FileManager.default.fileExists(atPath: hall.home.appendingPathComponent(".config/hall/token").path),
            "with $XDG_CONFIG_HOME set nothing is written under $HOME")
        #expect(try hall.ok(["status"]).contains("今日取号 0"))

        #expect(try hall.ok(["logout"]) == "已退出登录\n")
        #expect(!FileManager.default.fileExists(atPath: token.path))
        // The session itself has ended: the old token is refused by halld.
        let answer = try await HTTP.post(hall.daemon.baseURL.appendingPathComponent("api/tickets"), json: #"{"service":"B"}"#, token: saved)
        #expect(answer.status == 401)

        let json = try hall.json(["login", "--username", "admin", "--password-stdin"], input: Hallctl.adminPassword + "\n")
        #expect(json["username"]?.string == "admin" && json["roles"]?.array?.compactMap(\.string) == ["admin"])
    }

    @Test("account add / list / passwd / disable, then a backup of the live database read back with sqlite3")
    func accountsAndBackup() async throws {
        let hall = try await Hallctl()
        defer { hall.close() }
        try hall.signIn("admin", Hallctl.adminPassword)
        #expect(
            try hall.ok(["account", "add", "li.na", "--name", "李娜", "--roles", "clerk"], input: "li-na-first-2026\n")
                == "已创建账号 li.na\n")
        let reviewer = try hall.json(
            ["account", "add", "mz.wang", "--name", "王敏", "--roles", "reviewer", "--department", "civil-affairs"],
            input: "mz-wang-pass-2026\n")
        #expect(reviewer["departmentID"]?.string == "civil-affairs" && reviewer["roles"]?.array?.first?.string == "reviewer")
        #expect(reviewer["password"] == nil && reviewer["passwordHash"] == nil)
        let refused = try hall.refused(["account", "add", "li.na", "--name", "李娜", "--roles", "clerk"], input: "another-pass-2026\n")
        #expect(refused.contains("li.na"), "\(refused)")

        let list = try hall.ok(["account", "list"]).split(separator: "\n").map(String.init)
        #expect(list.count == 3)
        #expect(list.contains { $0.hasPrefix("li.na ") && $0.contains("李娜") && $0.contains("启用") && $0.hasSuffix("窗口工作人员") }, "\(list)")
        #expect(list.contains { $0.hasPrefix("mz.wang ") && $0.hasSuffix("部门审核人员") }, "\(list)")

        #expect(try hall.ok(["account", "passwd", "li.na"], input: "li-na-second-2026\n") == "已重置 li.na 的密码；该账号的登录已全部失效\n")
        #expect(try hall.refused(["login", "--username", "li.na", "--password-stdin"], input: "li-na-first-2026\n").contains("用户名或密码错误"))
        try hall.signIn("li.na", "li-na-second-2026")
        #expect(try hall.ok(["ticket", "take", "社保医保"]).hasPrefix("已取号 B001（社保医保）"))

        try hall.signIn("admin", Hallctl.adminPassword)
        #expect(try hall.ok(["account", "disable", "li.na"]) == "已停用账号 li.na\n")
        #expect(try hall.refused(["login", "--username", "li.na", "--password-stdin"], input: "li-na-second-2026\n").contains("用户名或密码错误"))
        let accounts = try hall.json(["account", "list"]).array ?? []
        #expect(accounts.first { $0["username"]?.string == "li.na" }?["isActive"]?.bool == false)
        #expect(try hall.ok(["account", "list"]).split(separator: "\n").contains { $0.hasPrefix("li.na ") && $0.contains("停用") })

        // An online backup while halld runs, opened with sqlite3.
        let backup = hall.folder.appendingPathComponent("backup.sqlite").path
        #expect(try hall.ok(["backup", "--database", hall.databasePath, backup]) == "已将数据库 \(hall.databasePath) 备份到 \(backup)\n")
        let counts = try ExternalTool.run(
            "sqlite3",
            [
                backup,
                "PRAGMA integrity_check; SELECT count(*) FROM account; "
                    + "SELECT count(*) FROM ticket; SELECT username FROM account WHERE active = 0;",
            ]
        ).output
        #expect(counts.split(separator: "\n") == ["ok", "3", "1", "li.na"], "\(counts)")
        #expect(try hall.refused(["backup", "--database", hall.databasePath, backup]).contains("已存在，请换一个新文件名"))
    }
}
