import Foundation

/// What staff are called (GET /api/staff/names), so that output names people by their display
/// names (经办 赵强) rather than their user names; user names stay in account management.
struct StaffNames: Sendable {
    var names: [String: String] = [:]

    /// The display name of `username`, or the user name itself when it is not known.
    func callName(_ username: String) -> String { names[username] ?? username }

    /// Loads the names; without them (an old server, no session) user names are shown.
    static func load(_ client: APIClient) async -> StaffNames {
        guard let data = try? await client.send("GET", "api/staff/names"),
            let names = try? JSONDecoder().decode([String: String].self, from: data)
        else { return StaffNames() }
        return StaffNames(names: names)
    }
}
