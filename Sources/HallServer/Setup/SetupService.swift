import Foundation
import HallCore
import HallStore
import Synchronization

/// Completes first-run setup: checks the one-time code (throttled like sign-in), validates what was
/// asked, stores the setup record and creates `admin` in one transaction, voids the code (the gate
/// closes, the file goes), audits it and tells whoever waits (`completions`) — halld, which then
/// starts the hall with the new configuration.
final class SetupService: Sendable {
    /// The throttle key of the setup code (a colon never appears in a user name).
    static let throttleKey = "code:setup"

    private let store: any SetupStore
    private let audit: AuditLog
    private let gate: Mutex<SetupGate>
    private let throttle: AttemptThrottle
    private let hasher: PasswordHasher
    private let clock: any HallClock
    private let configuration: HallConfiguration
    private let keys: ConfiguredKeys
    private let codeFile: SetupCodeFile
    private let completed: AsyncStream<SetupRecord>.Continuation
    /// Yields the record once setup is complete.
    let completions: AsyncStream<SetupRecord>

    init(
        database: HallDatabase, code: SetupCode, configuration: HallConfiguration, keys: ConfiguredKeys,
        codeFile: SetupCodeFile, clock: any HallClock
    ) {
        store = SQLiteSetupStore(database)
        audit = AuditLog(store: SQLiteAccountStore(database))
        gate = Mutex(SetupGate(code: code))
        throttle = AttemptThrottle(configuration.accounts)
        hasher = PasswordHasher(cost: configuration.accounts.passwordCost)
        self.clock = clock
        self.configuration = configuration
        self.keys = keys
        self.codeFile = codeFile
        (completions, completed) = AsyncStream.makeStream(of: SetupRecord.self)
    }

    /// Whether the configuration sets the services or the windows (setup then keeps them).
    var catalogConfigured: Bool { keys.sets("services") || keys.sets("windows") }

    /// Whether setup is still waiting for its code.
    var isOpen: Bool { gate.withLock { $0.state != .done } }

    /// Whether the database answers.
    func databaseAnswers() async -> Bool {
        do {
            _ = try await store.setupRecord()
            return true
        } catch { return false }
    }

    /// Completes setup with `request` sent from `address`.
    func complete(_ request: SetupRequest, from address: String?) async throws -> SetupRecord {
        let now = clock.now()
        do { try throttle.check(key: Self.throttleKey, address: address, at: now) } catch let error as AccessError {
            throw SetupError.throttled(retryAfterSeconds: error.retryAfterSeconds ?? 1)
        }
        do { try gate.withLock { try $0.admit(request.code) } } catch SetupError.wrongCode {
            throttle.recordFailure(key: Self.throttleKey, address: address, at: now)
            await writeAudit("setup.failed", address: address, ["reason": SetupError.wrongCode.code])
            throw SetupError.wrongCode
        }
        var setup = try request.setup.validated()
        if catalogConfigured { (setup.services, setup.windows) = (nil, nil) }
        let record = SetupRecord(setup, completedAt: now, completedFrom: address)
        do { _ = try configuration.applyingCheckedSetup(record, except: keys) } catch let error as ConfigurationError {
            throw SetupError.conflictsWithConfiguration(error.description)
        }
        let admin = StaffAccount(username: "admin", displayName: "系统管理员", roles: [.admin])
        try await store.complete(record, admin: admin, passwordHash: try await hasher.hash(setup.adminPassword))
        gate.withLock { $0.complete() }
        codeFile.remove()
        throttle.recordSuccess(key: Self.throttleKey)
        await writeAudit(
            "setup.completed", address: address,
            ["center": setup.centerName, "publicBaseURL": setup.publicBaseURL, "services": setup.services.map { "\($0.count)" } ?? "sample"])
        completed.yield(record)
        return record
    }

    private func writeAudit(_ action: String, address: String?, _ detail: [String: String]) async {
        // A record, not a condition: setup does not fail because the audit log could not be written.
        try? await audit.record(
            AuditRecord(at: clock.now(), actor: "setup", role: "", action: action, target: "POST /api/setup", detail: detail, remoteAddress: address))
    }
}
