import Foundation
import HTTPTypes
import HallCore
import HallEmulators
import HallServer
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Credentials every test server is configured with.
enum TestCredentials {
    static let kiosk = "test-kiosk-token-0001"
    static let screen = "test-screen-token-0001"
    static let adminPassword = "admin-pass-2026"
    static let staffPassword = "staff-pass-2026"
}

/// A demo-configured server on a fresh temporary database, with a kiosk and a screen device
/// token, an `admin` account (TestCredentials.adminPassword) and a cheap bcrypt cost.
func makeServer(clock: any HallClock = SystemClock(), _ adjust: (inout HallConfiguration) -> Void = { _ in }) throws -> (HallServer, URL) {
    let (server, folder, _) = try makeDemoServer(clock: clock, adjust)
    return (server, folder)
}

/// `makeServer` with the demo hall's emulators standing in for the ticket printer and the LED screens
/// (used when the configuration asks for them).
func makeDemoServer(
    clock: any HallClock = SystemClock(),
    _ adjust: (inout HallConfiguration) -> Void = { _ in }
) throws -> (HallServer, URL, DemoDevices) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-server-\(UUID().uuidString)")
    let demo = DemoDevices(stateDirectory: folder)
    var configuration = HallConfiguration.demo
    configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
    configuration.stateDirectory = folder.path
    configuration.hardware = .none
    configuration.accounts.passwordCost = 4
    configuration.accounts.initialAdminPassword = TestCredentials.adminPassword
    configuration.devices = .init(
        kiosks: [.init(id: "kiosk-1", token: TestCredentials.kiosk)],
        screens: [.init(id: "screen-1", token: TestCredentials.screen)])
    configuration.extendedHours.refuseTicketsAfterClosing = false  // tests of other features must not depend on the time of day
    adjust(&configuration)
    return (try HallServer(configuration: configuration, clock: clock, standIns: demo), folder, demo)
}

extension TestClientProtocol {
    /// Sends JSON text (with a bearer token when given) and returns status and body text.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil, token: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> (HTTPResponse.Status, String) {
        var headers = extra
        if json != nil { headers[.contentType] = "application/json" }
        if let token = token ?? DefaultTokens.token(for: port) { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response in
            (response.status, String(buffer: response.body))
        }
    }

    /// Sends and decodes a successful answer.
    func decode<T: Decodable>(
        _ type: T.Type, _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil,
        token: String? = nil
    ) async throws -> T {
        let (_, body) = try await send(method, uri, json, token: token)
        return try HallJSON.decoder().decode(T.self, from: Data(body.utf8))
    }

    /// Signs in and returns the session token from the JSON answer.
    func signIn(_ username: String, _ password: String) async throws -> String {
        let (status, body) = try await send(.post, "/api/session", #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard status == .created,
            let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let token = object["token"] as? String
        else {
            throw TestFailure("sign-in of \(username) failed: \(status) \(body)")
        }
        return token
    }

    /// Creates a staff account (as admin) with `roles` (and a reviewer's department) and signs it in; returns its token.
    func staffToken(_ username: String, roles: [Role], department: String? = nil) async throws -> String {
        let admin = try await signIn("admin", TestCredentials.adminPassword)
        let roleList = roles.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        let departmentField = department.map { #","departmentID":"\#($0)""# } ?? ""
        let (status, body) = try await send(
            .post, "/api/accounts",
            #"""
            {"username":"\#(username)","displayName":"测试\#(username)","roles":[\#(roleList)],
             "password":"\#(TestCredentials.staffPassword)"\#(departmentField)}
            """#, token: admin)
        guard status == .created else { throw TestFailure("creating \(username) failed: \(status) \(body)") }
        return try await signIn(username, TestCredentials.staffPassword)
    }

    /// From now on, requests of this client without a token act as a new center head
    /// (who may issue, operate windows, handle and review cases, import the catalog).
    func actAsHead(_ username: String = "head-\(UUID().uuidString.prefix(8).lowercased())") async throws {
        DefaultTokens.set(try await staffToken(username, roles: [.head]), for: port)
    }

    /// A signed-in clerk.
    func clerkToken(_ username: String = "clerk") async throws -> String { try await staffToken(username, roles: [.clerk]) }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func errorBody(_ text: String) throws -> ErrorBody {
    try JSONDecoder().decode(ErrorBody.self, from: Data(text.utf8))
}

/// Default bearer tokens per live test server (keyed by port), for tests about something other
/// than access control.
enum DefaultTokens {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var tokens: [Int: String] = [:]
    static func set(_ token: String, for port: Int?) { lock.withLock { tokens[port ?? 0] = token } }
    static func token(for port: Int?) -> String? { lock.withLock { tokens[port ?? 0] } }
}
