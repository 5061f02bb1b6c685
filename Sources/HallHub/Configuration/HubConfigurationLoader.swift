import Foundation

/// Builds the hub's configuration from layers, later layers winning key by key, as halld does:
/// embedded defaults → JSON file → flags (`--set listen.port=9000`). A key the defaults do not
/// have is refused by name, and the result is validated before the hub starts.
public enum HubConfigurationLoader {
    /// Loads and validates; `overrides` are `dotted.key=value` pairs (the value is JSON when it parses as JSON).
    public static func load(
        file: String?, overrides: [String], defaults: HubConfiguration = .defaults
    ) throws(HubConfigurationError) -> HubConfiguration {
        var tree: [String: Any]
        do {
            tree = try JSONSerialization.jsonObject(with: JSONEncoder().encode(defaults)) as? [String: Any] ?? [:]
        } catch { throw .malformed(source: "defaults", reason: "\(error)") }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw .unreadableFile(file) }
            guard let layer = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw .malformed(source: file, reason: "expected a JSON object")
            }
            tree = try merge(layer, into: tree, path: [])
        }
        for override in overrides {
            guard let eq = override.firstIndex(of: "=") else { throw .malformed(source: "--set \(override)", reason: "expected key=value") }
            let path = override[..<eq].split(separator: ".").map(String.init)
            let text = String(override[override.index(after: eq)...])
            let value = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) ?? text
            tree = try merge(nest(path, value), into: tree, path: [])
        }
        let configuration: HubConfiguration
        do {
            configuration = try JSONDecoder().decode(HubConfiguration.self, from: JSONSerialization.data(withJSONObject: tree))
        } catch { throw .invalidValue(key: "", reason: "wrong type or missing value: \(error)") }
        try validate(configuration)
        return configuration
    }

    static func validate(_ c: HubConfiguration) throws(HubConfigurationError) {
        guard (0...65535).contains(c.listen.port) else { throw .invalidValue(key: "listen.port", reason: "must be 0…65535") }
        guard c.listen.certificateFile.isEmpty == c.listen.keyFile.isEmpty else {
            throw .invalidValue(key: "listen.keyFile", reason: "TLS needs both listen.certificateFile and listen.keyFile")
        }
        for (key, file) in [("listen.certificateFile", c.listen.certificateFile), ("listen.keyFile", c.listen.keyFile)]
        where !file.isEmpty && !FileManager.default.isReadableFile(atPath: file) {
            throw .invalidValue(key: key, reason: "cannot read \(file)")
        }
        guard (1...200).contains(c.database.maxConnections) else {
            throw .invalidValue(key: "database.maxConnections", reason: "must be 1…200")
        }
        guard !c.database.name.isEmpty, !c.database.username.isEmpty else {
            throw .invalidValue(key: "database", reason: "name and username are needed")
        }
        guard c.maxRequestBytes >= 65_536 else { throw .invalidValue(key: "maxRequestBytes", reason: "must be at least 65536") }
        guard TimeZone(identifier: c.timeZone) != nil else { throw .invalidValue(key: "timeZone", reason: "not a known time zone") }
        let a = c.accounts
        guard (4...31).contains(a.passwordCost) else { throw .invalidValue(key: "accounts.passwordCost", reason: "must be 4…31") }
        guard a.sessionIdleSeconds >= 60, a.sessionAbsoluteSeconds >= a.sessionIdleSeconds else {
            throw .invalidValue(key: "accounts.sessionIdleSeconds", reason: "at least 60, and not above accounts.sessionAbsoluteSeconds")
        }
        guard a.throttleFreeFailures >= 1, a.throttleFreeFailuresPerAddress >= a.throttleFreeFailures,
            a.throttleBaseDelaySeconds > 0, a.throttleMaxDelaySeconds >= a.throttleBaseDelaySeconds
        else { throw .invalidValue(key: "accounts.throttle", reason: "free failures ≥ 1 (per address ≥ per name), delays > 0, max ≥ base") }
    }

    private static func nest(_ path: [String], _ value: Any) -> [String: Any] {
        guard let head = path.first else { return [:] }
        return path.count == 1 ? [head: value] : [head: nest(Array(path.dropFirst()), value)]
    }

    private static func merge(_ layer: [String: Any], into base: [String: Any], path: [String]) throws(HubConfigurationError)
        -> [String: Any]
    {
        var result = base
        for (key, value) in layer {
            let keyPath = path + [key]
            guard let existing = base[key] else { throw .unknownKey(keyPath.joined(separator: ".")) }
            if let object = value as? [String: Any], let baseObject = existing as? [String: Any] {
                result[key] = try merge(object, into: baseObject, path: keyPath)
            } else {
                result[key] = value
            }
        }
        return result
    }
}

/// Why the hub's configuration was refused.
public enum HubConfigurationError: Error, Equatable, CustomStringConvertible {
    case unreadableFile(String)
    case malformed(source: String, reason: String)
    case unknownKey(String)
    case invalidValue(key: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read the configuration file \(path)"
        case .malformed(let source, let reason): "\(source): \(reason)"
        case .unknownKey(let key): "unknown configuration key '\(key)'"
        case .invalidValue(let key, let reason): "\(key): \(reason)"
        }
    }
}
