/// How long an item may take, in working days after acceptance (承诺时限).
///
/// The hall's rule (并联办理): simple items within 3 working days, complex ones within 7, unless a law
/// or regulation sets a different limit. JSON: `{"kind":"simple"}`, `{"kind":"complex"}` or
/// `{"kind":"statutory","workingDays":20,"legalBasis":"…"}`.
public enum TimeLimit: Codable, Sendable, Hashable {
    case simple
    case complex
    /// A limit set by law, with the text citing it.
    case statutory(workingDays: Int, legalBasis: String)

    /// Working days after acceptance.
    public var workingDays: Int {
        switch self {
        case .simple: 3
        case .complex: 7
        case .statutory(let days, _): days
        }
    }

    /// Chinese label, e.g. 简单事项（3个工作日）.
    public var label: String {
        switch self {
        case .simple: "简单事项（3个工作日）"
        case .complex: "复杂事项（7个工作日）"
        case .statutory(let days, _): "法定时限（\(days)个工作日）"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, workingDays, legalBasis }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "simple": self = .simple
        case "complex": self = .complex
        case "statutory":
            self = .statutory(
                workingDays: try container.decode(Int.self, forKey: .workingDays),
                legalBasis: try container.decode(String.self, forKey: .legalBasis))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown time limit kind \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .simple: try container.encode("simple", forKey: .kind)
        case .complex: try container.encode("complex", forKey: .kind)
        case .statutory(let days, let basis):
            try container.encode("statutory", forKey: .kind)
            try container.encode(days, forKey: .workingDays)
            try container.encode(basis, forKey: .legalBasis)
        }
    }
}
