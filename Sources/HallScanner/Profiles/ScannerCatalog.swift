import Foundation
import HallCore

/// The scanner profiles known to Hall, loaded from a directory of JSON files.
public struct ScannerCatalog: Sendable {
    /// Profiles sorted by id.
    public let profiles: [ScannerProfile]

    /// Creates a catalog from profiles (validated).
    public init(profiles: [ScannerProfile]) throws(CatalogError) {
        var seen = Set<String>()
        for profile in profiles {
            guard seen.insert(profile.id).inserted else { throw .duplicateID(profile.id) }
            switch profile.backend {
            case .sane:
                guard profile.match.saneDevice != nil else { throw .invalid(profile.id, "match.saneDevice") }
            case .uvc:
                guard let camera = profile.camera, camera.width > 0, camera.height > 0,
                    ["YUYV", "MJPG"].contains(camera.pixelFormat)
                else { throw .invalid(profile.id, "camera") }
            }
            guard !profile.formats.isEmpty,
                profile.formats.allSatisfy({ ["image/png", "image/jpeg"].contains($0) })
            else {
                throw .invalid(profile.id, "formats")
            }
        }
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// Loads every `*.json` file of `directory`.
    public static func load(directory: URL) throws(CatalogError) -> ScannerCatalog {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        } catch {
            throw .unreadable(directory.path)
        }
        var profiles: [ScannerProfile] = []
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            do {
                profiles.append(try JSONDecoder().decode(ScannerProfile.self, from: Data(contentsOf: file)))
            } catch {
                throw .invalid(file.lastPathComponent, "\(error)")
            }
        }
        return try ScannerCatalog(profiles: profiles)
    }

    /// The profile with `id`.
    public func profile(id: String) -> ScannerProfile? {
        profiles.first { $0.id == id }
    }
}

/// Why the scanner catalog could not be loaded.
public enum CatalogError: HallFailure, Equatable {
    /// The directory cannot be listed.
    case unreadable(String)
    /// A profile file is malformed or lacks a field its backend needs.
    case invalid(String, String)
    /// Two profiles share an id.
    case duplicateID(String)

    public var code: String {
        switch self {
        case .unreadable: "scanner_catalog_unreadable"
        case .invalid: "scanner_profile_invalid"
        case .duplicateID: "scanner_profile_duplicate"
        }
    }

    public var message: String {
        switch self {
        case .unreadable(let path): "无法读取扫描设备配置目录：\(path)"
        case .invalid(let id, let field): "扫描设备配置 \(id) 有误：\(field)"
        case .duplicateID(let id): "扫描设备配置编号重复：\(id)"
        }
    }

    public var kind: FailureKind { .invalidInput }
}
