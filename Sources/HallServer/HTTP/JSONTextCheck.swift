import Foundation
import HallCore

/// Checks the strings of a JSON body against `TextRules`, so no field of any request can carry a
/// control character, a direction override or a novel into the hall.
///
/// A body that decodes is checked through the decoded value: only the strings the server keeps
/// count, and fields it does not know are ignored whatever they hold (as the OpenAPI document's
/// schemas allow other properties). A body that does not decode is checked as JSON text, so that
/// a bad character is named before the missing or mistyped field.
enum JSONTextCheck {
    /// Decodes `T` from `data` and checks its strings; throws `APIError.invalidText` naming the
    /// first field that breaks the rules, or `APIError.malformedJSON`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let value: T
        do {
            value = try RequestDecoder.make().decode(T.self, from: data)
        } catch let error as DecodingError {
            try check(data)
            throw APIError.malformedJSON(describe(error))
        }
        try walk(decoded: value, path: "", depth: 0)
        return value
    }

    /// Throws `APIError.invalidText` naming the first string (or key) of the JSON text that breaks the rules.
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

    /// Every string reachable in a decoded request value (structures, enums, optionals, arrays,
    /// dictionaries), named by its property path.
    private static func walk(decoded value: Any, path: String, depth: Int) throws {
        if let text = value as? String {
            if let problem = TextRules.problem(in: text) { throw APIError.invalidText(field: path.isEmpty ? "正文" : path, problem) }
            return
        }
        // Request types are shallow; dates, numbers and data hold no text.
        guard depth < 16, !(value is Date), !(value is Data), !(value is any Numeric) else { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first { try walk(decoded: child.value, path: path, depth: depth + 1) }
        case .collection, .set:
            for (index, child) in mirror.children.enumerated() { try walk(decoded: child.value, path: "\(path)[\(index)]", depth: depth + 1) }
        case .dictionary:
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                guard pair.count == 2 else { continue }
                let key = "\(pair[0])"
                if let problem = TextRules.problem(in: key, limit: 64) { throw APIError.invalidText(field: String(key.prefix(64)), problem) }
                try walk(decoded: pair[1], path: path.isEmpty ? key : "\(path).\(key)", depth: depth + 1)
            }
        case .struct, .class, .enum, .tuple:
            for child in mirror.children {
                let label = (child.label ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "_"))
                let field = label.isEmpty || mirror.displayStyle == .enum ? path : (path.isEmpty ? label : "\(path).\(label)")
                try walk(decoded: child.value, path: field, depth: depth + 1)
            }
        default:
            return
        }
    }

    /// A decoding error in words for the clerk.
    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let c): return "缺少字段 \((path(c).isEmpty ? "" : path(c) + ".") + key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "字段 \(path(c)) 的类型不对"
        case .dataCorrupted(let c): return path(c).isEmpty ? "无法解析" : "字段 \(path(c)) 的值无效"
        @unknown default: return "无法解析"
        }
    }
}
