/// A configuration that cannot be used. `halld` stops at start-up and names the offending key.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case malformed(source: String, reason: String)
    case unknownKey(String)
    case invalidValue(key: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read configuration file \(path): \(reason)"
        case .malformed(let source, let reason): "configuration from \(source) is not valid: \(reason)"
        case .unknownKey(let key): "unknown configuration key '\(key)'"
        case .invalidValue(let key, let reason): "invalid configuration value for '\(key)': \(reason)"
        }
    }
}
