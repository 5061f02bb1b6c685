import Foundation
import HallTransport

/// The printer models known to the daemon, with a generic fallback.
public struct PrinterProfileCatalog: Sendable {
    /// Profiles in load order (file name order).
    public let profiles: [PrinterProfile]
    /// The profile used for unknown printers (`generic-80mm` when present).
    public let fallback: PrinterProfile

    /// A catalog from profiles already in memory.
    public init(profiles: [PrinterProfile], fallbackID: String = "generic-80mm") {
        self.profiles = profiles
        self.fallback = profiles.first { $0.id == fallbackID } ?? .generic80mm
    }

    /// Loads every `*.json` file in `directory` (one profile per file).
    public init(directory: URL, fallbackID: String = "generic-80mm") throws(PrinterProfileError) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw .unreadableDirectory(directory.path, String(describing: error))
        }
        var loaded: [PrinterProfile] = []
        for file in files {
            do {
                loaded.append(try JSONDecoder().decode(PrinterProfile.self, from: Data(contentsOf: file)))
            } catch {
                throw .invalidProfile(file.lastPathComponent, String(describing: error))
            }
        }
        var seen = Set<String>()
        for p in loaded where !seen.insert(p.id).inserted { throw .duplicateID(p.id) }
        self.init(profiles: loaded, fallbackID: fallbackID)
    }

    /// The profile with this id, if any.
    public func profile(id: String) -> PrinterProfile? { profiles.first { $0.id == id } }

    /// The profile whose USB ids include `usb`, else the fallback.
    public func profile(matching usb: USBDeviceID?) -> PrinterProfile {
        guard let usb else { return fallback }
        return profiles.first { $0.usb.contains(usb) } ?? fallback
    }
}

/// Why the printer profiles could not be loaded.
public enum PrinterProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory could not be listed.
    case unreadableDirectory(String, String)
    /// A file is not a valid profile.
    case invalidProfile(String, String)
    /// Two files declare the same id.
    case duplicateID(String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let p, let why): "无法读取打印机型号目录 \(p)：\(why)"
        case .invalidProfile(let f, let why): "打印机型号文件 \(f) 格式错误：\(why)"
        case .duplicateID(let id): "打印机型号 id 重复：\(id)"
        }
    }
}
