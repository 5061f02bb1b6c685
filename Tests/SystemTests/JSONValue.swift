import Foundation

/// A decoded JSON document for reading answers loosely in tests: `value["display"]?["bus"]?.string`.
struct JSONValue: @unchecked Sendable {
    let raw: Any

    subscript(key: String) -> JSONValue? { (raw as? [String: Any])?[key].map(JSONValue.init) }
    var string: String? { raw as? String }
    var bool: Bool? { raw as? Bool }
    var int: Int? { (raw as? NSNumber).map(\.intValue) }
    var double: Double? { (raw as? NSNumber).map(\.doubleValue) }
    var array: [JSONValue]? { (raw as? [Any])?.map(JSONValue.init) }

    init(raw: Any) { self.raw = raw }

    /// Parses one JSON object or array; nil for anything else.
    init?(data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data) else { return nil }
        raw = object
    }

    struct Refused: Error, CustomStringConvertible { let description: String }

    /// GET, expecting a 2xx JSON answer.
    static func get(_ url: URL) async throws -> JSONValue {
        try checked(await HTTP.get(url), url)
    }

    /// POST of `json`, expecting a 2xx JSON answer.
    @discardableResult
    static func post(_ url: URL, _ json: String, token: String? = nil) async throws -> JSONValue {
        try checked(await HTTP.post(url, json: json, token: token), url)
    }

    private static func checked(_ answer: HTTP.Answer, _ url: URL) throws -> JSONValue {
        guard (200..<300).contains(answer.status), let value = JSONValue(data: answer.body) else {
            throw Refused(description: "\(url.path): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        return value
    }
}

/// Collects the JSON lines a child process prints (other lines are skipped), on a thread of its own.
final class LineCollector: @unchecked Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }

    private let lock = NSLock()
    private var collected: [JSONValue] = []

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                pending += chunk
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = pending[pending.startIndex..<newline]
                    pending = Data(pending[(newline + 1)...])
                    if let value = JSONValue(data: Data(line)) { lock.withLock { collected.append(value) } }
                }
            }
        }
    }

    /// Every JSON line so far.
    var lines: [JSONValue] { lock.withLock { collected } }

    /// Waits up to `seconds` for a line satisfying `predicate` and returns it.
    @discardableResult
    func wait(_ what: String, seconds: Double = 20, _ predicate: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if let line = lines.first(where: predicate) { return line }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Timeout(what: what)
    }
}
