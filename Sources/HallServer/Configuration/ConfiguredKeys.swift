/// The configuration keys set above the embedded defaults — by the file, the environment or a flag
/// (`ConfigurationLoader.loadTracking`). First-run setup stores values that override the defaults
/// but not these.
public struct ConfiguredKeys: Sendable, Equatable {
    /// Dotted key paths as they were set, e.g. `center.name`, `listen.port`, or `center` for a whole object.
    public private(set) var paths: Set<String> = []

    /// No key set: every value is the embedded default's.
    public init() {}

    /// Keys given as dotted paths (tests).
    public init(_ paths: Set<String>) { self.paths = paths }

    mutating func insert(_ path: [String]) { paths.insert(path.joined(separator: ".")) }

    /// Whether `key` (dotted) was set, by itself or as part of an object set whole (`center`).
    public func sets(_ key: String) -> Bool {
        let parts = key.split(separator: ".")
        return (1...max(parts.count, 1)).contains { paths.contains(parts.prefix($0).joined(separator: ".")) }
    }
}
