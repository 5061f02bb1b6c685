/// How the result reaches the applicant (统一出件): at the window, or by post.
/// JSON: `{"kind":"window"}` or `{"kind":"post","address":…,"recipient":…,"phone":…}`.
public enum DeliveryPreference: Codable, Sendable, Hashable {
    case windowPickup
    case post(address: String, recipient: String, phone: PhoneNumber)

    /// A postal delivery from raw text: every field required, the phone validated.
    public static func byPost(address: String, recipient: String, phone: String) throws -> DeliveryPreference {
        let address = address.trimmingCharacters(in: .whitespaces)
        let recipient = recipient.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { throw CaseError.missingDeliveryField("邮寄地址") }
        guard !recipient.isEmpty else { throw CaseError.missingDeliveryField("收件人") }
        return .post(address: address, recipient: recipient, phone: try PhoneNumber(phone))
    }

    /// 窗口领取 / 邮寄送达.
    public var label: String {
        switch self {
        case .windowPickup: "窗口领取"
        case .post: "邮寄送达"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, address, recipient, phone }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "window": self = .windowPickup
        case "post":
            self = try .byPost(
                address: try c.decode(String.self, forKey: .address),
                recipient: try c.decode(String.self, forKey: .recipient),
                phone: try c.decode(String.self, forKey: .phone))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown delivery kind \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .windowPickup:
            try c.encode("window", forKey: .kind)
        case .post(let address, let recipient, let phone):
            try c.encode("post", forKey: .kind)
            try c.encode(address, forKey: .address)
            try c.encode(recipient, forKey: .recipient)
            try c.encode(phone.value, forKey: .phone)
        }
    }
}
