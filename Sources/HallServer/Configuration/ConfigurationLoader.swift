import Foundation
import HallCore

/// Builds the configuration from layers, later layers winning key by key:
/// embedded defaults → JSON file → environment (`HALL_LISTEN_PORT=9000`) → flags (`listen.port=9000`).
///
/// Every layer is merged as a JSON tree over the defaults, so a key that the defaults do not
/// have is refused by name, and the result is validated before the daemon starts.
public enum ConfigurationLoader {
    /// Loads and validates. `overrides` are `dotted.key=value` pairs from the command line.
    public static func load(
        file: String?, environment: [String: String], overrides: [String],
        defaults: HallConfiguration = .demo
    ) throws -> HallConfiguration {
        try loadTracking(file: file, environment: environment, overrides: overrides, defaults: defaults).configuration
    }

    /// `load`, also telling which keys the file, the environment and the flags set (first-run
    /// setup overrides only the others, and is offered only when `center.name` is not set).
    public static func loadTracking(
        file: String?, environment: [String: String], overrides: [String],
        defaults: HallConfiguration = .demo
    ) throws -> (configuration: HallConfiguration, keys: ConfiguredKeys) {
        var keys = ConfiguredKeys()
        var tree = try toTree(defaults)
        if let file {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ConfigurationError.unreadableFile(path: file, reason: error.localizedDescription)
            }
            guard let layer = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ConfigurationError.malformed(source: file, reason: "expected a JSON object")
            }
            tree = try merge(layer, into: tree, path: "", keys: &keys)
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("HALL_") {
            guard let path = keyPath(forEnvironment: name, in: tree) else { continue }
            tree = try set(path, to: parse(value), in: tree)
            keys.insert(path)
        }
        // `HALL_ADMIN_PASSWORD`: the documented short name of accounts.initialAdminPassword.
        if let password = environment["HALL_ADMIN_PASSWORD"], !password.isEmpty {
            tree = try set(["accounts", "initialAdminPassword"], to: password, in: tree)
            keys.insert(["accounts", "initialAdminPassword"])
        }
        for override in overrides {
            guard let eq = override.firstIndex(of: "=") else {
                throw ConfigurationError.malformed(source: "--set \(override)", reason: "expected key=value")
            }
            let path = override[..<eq].split(separator: ".").map(String.init)
            tree = try set(path, to: parse(String(override[override.index(after: eq)...])), in: tree)
            keys.insert(path)
        }
        let configuration: HallConfiguration
        do {
            let data = try JSONSerialization.data(withJSONObject: tree)
            configuration = try HallJSON.decoder().decode(HallConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw ConfigurationError.invalidValue(key: keyName(of: error), reason: "wrong type or missing value")
        }
        try ConfigurationValidator.validate(configuration)
        return (configuration, keys)
    }

    private static func toTree(_ configuration: HallConfiguration) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: HallJSON.encoder().encode(configuration)) as! [String: Any]
    }

    /// Merges `layer` into `base`; objects merge recursively, anything else replaces.
    private static func merge(
        _ layer: [String: Any], into base: [String: Any], path: String, keys: inout ConfiguredKeys
    ) throws -> [String: Any] {
        var result = base
        for (key, value) in layer {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard let existing = base[key] else { throw ConfigurationError.unknownKey(keyPath) }
            if let object = value as? [String: Any], let baseObject = existing as? [String: Any] {
                result[key] = try merge(object, into: baseObject, path: keyPath, keys: &keys)
            } else {
                result[key] = value
                keys.insert(keyPath.split(separator: ".").map(String.init))
            }
        }
        return result
    }

    private static func set(_ path: [String], to value: Any, in tree: [String: Any]) throws -> [String: Any] {
        guard let head = path.first else { return tree }
        guard let existing = tree[head] else { throw ConfigurationError.unknownKey(path.joined(separator: ".")) }
        var result = tree
        if path.count == 1 {
            result[head] = value
        } else if let object = existing as? [String: Any] {
            do { result[head] = try set(Array(path.dropFirst()), to: value, in: object) } catch ConfigurationError.unknownKey {
                throw ConfigurationError.unknownKey(path.joined(separator: "."))
            }
        } else {
            throw ConfigurationError.unknownKey(path.joined(separator: "."))
        }
        return result
    }

    /// `HALL_LISTEN_PORT` → `["listen", "port"]`, matching keys without case or underscores.
    private static func keyPath(forEnvironment name: String, in tree: [String: Any]) -> [String]? {
        let wanted = name.dropFirst("HALL_".count).lowercased().replacingOccurrences(of: "_", with: "")
        func search(_ object: [String: Any], prefix: [String], flat: String) -> [String]? {
            for (key, value) in object {
                let path = prefix + [key]
                let joined = flat + key.lowercased()
                if joined == wanted { return path }
                if let child = value as? [String: Any], wanted.hasPrefix(joined), let found = search(child, prefix: path, flat: joined) {
                    return found
                }
            }
            return nil
        }
        return search(tree, prefix: [], flat: "")
    }

    /// A value from the environment or a flag: JSON when it parses as JSON, else a string.
    private static func parse(_ text: String) -> Any {
        if let data = text.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        {
            return value
        }
        return text
    }

    private static func keyName(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        return path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
