import Foundation
import HallCore

/// Checks every string of a JSON body against `TextRules` before it is decoded, so no field of any
/// request can carry a control character, a direction override or a novel into the hall.
enum JSONTextCheck {
    /// Throws `APIError.invalidText` naming the first field that breaks the rules.
    static func check(_ data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        try walk(object, path: "")
    }

    private static func walk(_ value: Any, path: String) throws {
        switch value {
        case let text as String:
            if let problem = TextRules.problem(in: text) { throw APIError.invalidText(field: path.isEmpty ? "正文" : path, problem) }
        case let list as [Any]:
            for (index, element) in list.enumerated() { try walk(element, path: "\(path)[\(index)]") }
        case let object as [String: Any]:
            for (key, element) in object {
                let field = path.isEmpty ? key : "\(path).\(key)"
                if let problem = TextRules.problem(in: key, limit: 64) { throw APIError.invalidText(field: String(field.prefix(64)), problem) }
                try walk(element, path: field)
            }
        default:
            return
        }
    }
}
