import ArgumentParser
import Foundation
import HallCore

/// `hallctl account add|list|passwd|disable` (center head or administrator).
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage staff accounts.",
        subcommands: [Add.self, List.self, Passwd.self, Disable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; the initial password is read from standard input.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "User name (letters, digits, . - _).") var username: String
        @Option(help: "Display name, e.g. 李娜.") var name: String
        @Option(help: "Comma-separated roles: clerk, reviewer, head, admin.") var roles: String = "clerk"
        @Option(help: "Department id (reviewers).") var department: String?

        func run() async throws {
            let password = try readPassword("\(username) 的初始密码")
            var body: [String: Any] = [
                "username": username, "displayName": name, "password": password,
                "roles": roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            ]
            if let department { body["departmentID"] = department }
            let data = try await options.client.send("POST", "api/accounts", body: body)
            options.output(data) { "已创建账号 \(username)" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/accounts")
            try options.output(data) {
                try HallJSON.decoder().decode([StaffAccount].self, from: data).map { a in
                    Rendering.pad(a.username, 16) + Rendering.pad(a.displayName, 12) + Rendering.pad(a.isActive ? "启用" : "停用", 6)
                        + a.roles.map(\.label).joined(separator: "、")
                }.joined(separator: "\n")
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reset an account's password (read from standard input or prompted).")
        @OptionGroup var options: GlobalOptions
        @Argument var username: String

        func run() async throws {
            let password = try readPassword("\(username) 的新密码")
            _ = try await options.client.send("POST", "api/accounts/\(username)/password", body: ["password": password])
            print("已重置 \(username) 的密码；该账号的登录已全部失效")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate an account (its sessions end).")
        @OptionGroup var options: GlobalOptions
        @Argument var username: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/accounts/\(username)/deactivate")
            options.output(data) { "已停用账号 \(username)" }
        }
    }
}

/// A password from a terminal prompt (no echo) or, when standard input is not a terminal, its first line.
func readPassword(_ prompt: String) throws -> String {
    if isatty(STDIN_FILENO) == 1, let typed = getpass("\(prompt): ") { return String(cString: typed) }
    guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("标准输入中没有密码") }
    return line
}
