import ArgumentParser
import Foundation

/// `hallctl setup`'s services and windows: `PREFIX:name[:minutes]` and `number:name:PREFIX,PREFIX`,
/// turned into the JSON of `POST /api/setup` (a service's id is `service-<prefix>`).
enum SetupSpecs {
    static func catalog(services: [String], windows: [String]) throws -> (services: [[String: Any]], windows: [[String: Any]]) {
        guard !services.isEmpty, !windows.isEmpty else { throw ValidationError("--service 和 --window 须同时给出（都不给：使用示例业务和窗口）") }
        var ids: [String: String] = [:]
        let serviceBodies: [[String: Any]] = try services.map { spec in
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(parts.count), !parts[0].isEmpty else { throw ValidationError("业务“\(spec)”应写作 字头:名称[:分钟]") }
            let prefix = parts[0].uppercased()
            let id = "service-" + prefix.lowercased()
            ids[prefix] = id
            var body: [String: Any] = ["id": id, "name": parts[1], "prefix": prefix]
            if parts.count == 3 {
                guard let minutes = Double(parts[2]), minutes.isFinite else { throw ValidationError("业务“\(spec)”的分钟数无效") }
                body["typicalServiceMinutes"] = minutes
            }
            return body
        }
        let windowBodies: [[String: Any]] = try windows.map { spec in
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, let number = Int(parts[0]) else { throw ValidationError("窗口“\(spec)”应写作 号:名称:字头,字头") }
            let served = try parts[2].split(separator: ",").map { prefix in
                let key = prefix.trimmingCharacters(in: .whitespaces).uppercased()
                guard let id = ids[key] else { throw ValidationError("窗口“\(spec)”：没有字头为 \(key) 的业务") }
                return id
            }
            return ["number": number, "name": parts[1], "serviceIDs": served]
        }
        return (serviceBodies, windowBodies)
    }

    /// Asks in the terminal: the sample services and windows, or the hall's own, line by line.
    static func askCatalog() -> (services: [String], windows: [String]) {
        print("使用示例业务和窗口（6 项业务、5 个窗口，可稍后修改配置）？[Y/n]：", terminator: "")
        guard (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("n") else { return ([], []) }
        func lines(_ prompt: String) -> [String] {
            print(prompt)
            var result: [String] = []
            while let line = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces), !line.isEmpty { result.append(line) }
            return result
        }
        let services = lines("每行一项业务：字头:名称[:平均办理分钟]，例如 A:综合窗口:10；空行结束")
        let windows = lines("每行一个窗口：号:名称:字头,字头，例如 1:综合受理窗口:A,B；空行结束")
        return (services, windows)
    }
}
