import ArgumentParser
import Foundation
import HallCore
import HallHub
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `hall-hub create-admin`: the first banner administrator, as halld's first start makes `admin`,
/// but with a password the installer chooses (read from standard input; no default). Refused once
/// an active banner administrator exists: from then on, accounts are made on the hub's pages.
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Create the first banner administrator; the password is read from standard input (or prompted for).")
    @OptionGroup var options: HubOptions
    @Option(help: "Sign-in name (letters, digits, . - _).") var username: String
    @Option(name: .customLong("display-name"), help: "The administrator's name, e.g. 张伟.") var displayName: String

    func run() async throws {
        let configuration = try options.load()
        guard let password = Self.readPassword(), !password.isEmpty else { throw ValidationError("no password given on standard input") }
        let who = "command-line:" + (ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "root")
        let (username, displayName) = (self.username, self.displayName)
        let created: Bool
        do {
            created = try await withDatabase(configuration, logger: Logger(label: "hall-hub")) { store in
                try await store.database.migrate()
                let service = BannerAccountService(store: store, passwords: BannerPasswords(cost: configuration.accounts.passwordCost))
                return try await service.createFirstAdministrator(username: username, displayName: displayName, password: password, by: who)
            }
        } catch let failure as any HallFailure {
            throw ValidationError(failure.message)
        }
        guard created else { throw ValidationError("an active banner administrator exists already: make accounts on the hub's pages") }
        print("created the banner administrator '\(username)'")
    }

    /// One line of standard input; on a terminal, prompted for without echo.
    static func readPassword() -> String? {
        if isatty(STDIN_FILENO) != 0, let typed = getpass("Password for the banner administrator: ") {
            return String(cString: typed)
        }
        return readLine(strippingNewline: true)
    }
}
