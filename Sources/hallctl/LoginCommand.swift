import ArgumentParser
import Foundation
import HallCore

#if canImport(Glibc)
    import Glibc
#endif

/// `hallctl login [--username U] [--password-stdin]`: signs in and stores the session token.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Sign in to halld and keep the session token.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "User name (default: $USER).") var username: String?
    @Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin = false

    struct Answer: Decodable { var token: String; var displayName: String; var roles: [Role]; var expiresAt: Date? }

    func run() async throws {
        let name = username ?? ProcessInfo.processInfo.environment["USER"] ?? "admin"
        let password: String
        if passwordStdin {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            guard let typed = getpass("\(name) 的密码: ") else { throw ValidationError("没有输入密码") }
            password = String(cString: typed)
        }
        var client = options.client
        client.token = nil
        let data = try await client.send("POST", "api/session", body: ["username": name, "password": password])
        let answer = try HallJSON.decoder().decode(Answer.self, from: data)
        try TokenStore.save(answer.token)
        if options.json {
            print(#"{"username":"\#(name)","roles":[\#(answer.roles.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]}"#)
        } else {
            print("已登录：\(answer.displayName)（\(answer.roles.map(\.label).joined(separator: "、"))）；令牌保存在 \(TokenStore.file.path)")
        }
    }
}

/// `hallctl logout`: ends the session and forgets the token.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "End the session and forget the token.")
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        if options.client.token != nil { _ = try? await options.client.send("DELETE", "api/session") }
        TokenStore.remove()
        print("已退出登录")
    }
}
