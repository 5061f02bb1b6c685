import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `hallctl setup`: first-run setup of a fresh hall from a terminal, against the running halld (the
/// same as its `/setup/` page). Asks what is not given as an option; with every option given (and
/// the password on standard input) it asks nothing, for scripts.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup", abstract: "First-run setup of a fresh hall: center, public address, admin password, services and windows.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "The setup code (halld's log, or <stateDirectory>/setup-code).") var code: String?
    @Option(help: "Read the setup code from this file, e.g. /var/lib/hall/setup-code.") var codeFile: String?
    @Option(help: "The center's name, e.g. 乌兰陶勒盖镇便民服务中心.") var centerName: String?
    @Option(help: "The center's phone, e.g. 0477-7552004.") var centerPhone: String?
    @Option(help: "The address residents' phones use, e.g. http://192.168.1.10:8080 (default: halld's first LAN address).")
    var publicUrl: String?
    @Flag(help: "Read the admin password from standard input (one line) instead of prompting.") var passwordStdin = false
    @Option(help: "A service as PREFIX:name[:minutes], e.g. A:综合窗口:10 (repeatable; with --window; none: the sample ones).")
    var service: [String] = []
    @Option(help: "A window as number:name:PREFIX,PREFIX, e.g. 1:综合受理窗口:A,B (repeatable; with --service).")
    var window: [String] = []
    @Flag(help: "Do not wait for the hall to start after setup.") var noWait = false

    struct Status: Decodable {
        var state: String
        var addresses: [String]?
        var catalogConfigured: Bool?
    }

    func run() async throws {
        var client = options.client
        client.token = nil
        let status = try await client.send("GET", "api/setup", as: Status.self)
        guard status.state == "pending" else {
            throw ValidationError("halld 已经设置过（\(status.state)），设置码已失效。请用 hallctl login --username admin 登录。")
        }
        let interactive = isatty(STDIN_FILENO) == 1
        func ask(_ given: String?, _ prompt: String, default fallback: String? = nil) throws -> String {
            if let given { return given }
            guard interactive else {
                if let fallback { return fallback }
                throw ValidationError("缺少 \(prompt)（非交互运行时请用选项给出）")
            }
            print(prompt + (fallback.map { "（回车使用 \($0)）" } ?? "") + "：", terminator: "")
            let line = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
            return line.isEmpty ? (fallback ?? "") : line
        }
        let setupCode = try codeFile.map(Self.readCode) ?? ask(code, "设置码")
        let name = try ask(centerName, "中心名称")
        let phone = try ask(centerPhone, "联系电话")
        if publicUrl == nil, interactive, let addresses = status.addresses, !addresses.isEmpty {
            print("本机的局域网地址：" + addresses.joined(separator: "  "))
        }
        let url = try ask(publicUrl, "群众手机访问地址", default: status.addresses?.first)
        var body: [String: Any] = [
            "code": setupCode, "centerName": name, "centerPhone": phone, "publicBaseURL": url,
            "adminPassword": try adminPassword(interactive: interactive),
        ]
        var services = service, windows = window
        if services.isEmpty, windows.isEmpty, interactive, status.catalogConfigured != true {
            (services, windows) = SetupSpecs.askCatalog()
        }
        if !services.isEmpty || !windows.isEmpty {
            let catalog = try SetupSpecs.catalog(services: services, windows: windows)
            body["services"] = catalog.services
            body["windows"] = catalog.windows
        }
        let data = try await client.send("POST", "api/setup", body: body)
        options.output(data) { "首次设置完成：\(name)；管理员账号 admin。设置码已失效。" }
        guard !noWait else { return }
        try await waitForHall(client)
        if !options.json { print("中心已启动。登录：hallctl login --username admin") }
    }

    /// The code in `path` (the file is readable by halld's user only).
    static func readCode(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("无法读取 \(path)：该文件只有 halld 的用户可读，请用 sudo cat \(path) 查看设置码，再用 --code 给出")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func adminPassword(interactive: Bool) throws -> String {
        if passwordStdin || !interactive {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("标准输入中没有管理员密码") }
            return line
        }
        guard let first = getpass("管理员 admin 的密码（至少 8 位，不能全是数字）: ").map({ String(cString: $0) }),
            let second = getpass("再输入一次: ").map({ String(cString: $0) })
        else { throw ValidationError("没有输入密码") }
        guard first == second else { throw ValidationError("两次输入的密码不一致") }
        return first
    }

    /// Waits (up to a minute) until halld serves the hall instead of setup.
    private func waitForHall(_ client: APIClient) async throws {
        for _ in 0..<120 {
            if let status = try? await client.send("GET", "api/setup", as: Status.self), status.state != "pending" { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw ValidationError("halld 在一分钟内没有启动，请查看日志：journalctl -u halld")
    }
}
