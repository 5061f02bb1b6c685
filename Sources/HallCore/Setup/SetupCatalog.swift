/// The rules for the services and windows typed in at setup: what the configuration's validator
/// asks of them, with Chinese reasons, and names short enough for tickets and LED screens.
public enum SetupCatalog {
    public static let maxServices = 26
    public static let maxWindows = 99

    /// The services with their text trimmed, or the first problem.
    public static func validated(services: [Service]) throws -> [Service] {
        guard !services.isEmpty else { throw SetupError.invalidService(index: 0, reason: "至少需要一项业务。") }
        guard services.count <= maxServices else { throw SetupError.invalidService(index: maxServices, reason: "最多 \(maxServices) 项业务。") }
        var ids = Set<String>(), prefixes = Set<String>()
        return try services.enumerated().map { index, service in
            func fail(_ reason: String) -> SetupError { .invalidService(index: index, reason: reason) }
            var service = service
            service.name = service.name.trimmingCharacters(in: .whitespacesAndNewlines)
            service.prefix = service.prefix.trimmingCharacters(in: .whitespaces).uppercased()
            guard (1...32).contains(service.id.count), service.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            else { throw fail("编号须为 1–32 个小写英文字母、数字或 -。") }
            guard ids.insert(service.id).inserted else { throw fail("编号“\(service.id)”重复。") }
            guard (1...16).contains(service.name.count), CenterSetup.isPlainLine(service.name) else { throw fail("名称须为 1–16 个字。") }
            guard (1...2).contains(service.prefix.count), service.prefix.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw fail("号码字头须为 1–2 个英文字母。")
            }
            guard prefixes.insert(service.prefix).inserted else { throw fail("号码字头“\(service.prefix)”重复。") }
            guard service.typicalServiceMinutes.isFinite, (1...240).contains(service.typicalServiceMinutes) else {
                throw fail("平均办理时长须为 1–240 分钟。")
            }
            return service
        }
    }

    /// The windows with their text trimmed, each serving known services, or the first problem.
    public static func validated(windows: [ServiceWindow], services: [Service]) throws -> [ServiceWindow] {
        guard !windows.isEmpty else { throw SetupError.invalidWindow(index: 0, reason: "至少需要一个窗口。") }
        guard windows.count <= maxWindows else { throw SetupError.invalidWindow(index: maxWindows, reason: "最多 \(maxWindows) 个窗口。") }
        let known = Set(services.map(\.id))
        var numbers = Set<Int>()
        return try windows.enumerated().map { index, window in
            func fail(_ reason: String) -> SetupError { .invalidWindow(index: index, reason: reason) }
            var window = window
            window.name = window.name.trimmingCharacters(in: .whitespacesAndNewlines)
            window.isPaused = false
            guard (1...999).contains(window.number) else { throw fail("窗口号须为 1–999。") }
            guard numbers.insert(window.number).inserted else { throw fail("窗口号 \(window.number) 重复。") }
            guard (1...16).contains(window.name.count), CenterSetup.isPlainLine(window.name) else { throw fail("名称须为 1–16 个字。") }
            guard !window.serviceIDs.isEmpty else { throw fail("请至少选择一项业务。") }
            guard Set(window.serviceIDs).count == window.serviceIDs.count else { throw fail("业务重复。") }
            if let unknown = window.serviceIDs.first(where: { !known.contains($0) }) { throw fail("没有编号为“\(unknown.prefix(32))”的业务。") }
            return window
        }
    }
}
