import Foundation

/// The display profiles found in a directory (devices/displays).
public struct DisplayCatalog: Sendable {
    public let profiles: [DisplayProfile]

    public init(profiles: [DisplayProfile]) { self.profiles = profiles }

    /// Reads every `*.json` file of `directory`, sorted by file name. Each must decode as a
    /// `DisplayProfile` naming a known protocol; ids must be unique.
    public static func load(directory: URL) throws(DisplayError) -> DisplayCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .badProfile("\(directory.path): \(error.localizedDescription)")
        }
        var profiles: [DisplayProfile] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            let profile: DisplayProfile
            do {
                profile = try JSONDecoder().decode(DisplayProfile.self, from: Data(contentsOf: url))
            } catch {
                throw .badProfile("\(name): \(error)")
            }
            guard DisplayWireProtocols.known.contains(profile.protocol) else {
                throw .badProfile("\(name): unknown protocol \(profile.protocol)")
            }
            guard !profiles.contains(where: { $0.id == profile.id }) else {
                throw .badProfile("\(name): duplicate id \(profile.id)")
            }
            profiles.append(profile)
        }
        return DisplayCatalog(profiles: profiles)
    }

    /// The profile with `id`, if any.
    public func profile(id: String) -> DisplayProfile? { profiles.first { $0.id == id } }
}
