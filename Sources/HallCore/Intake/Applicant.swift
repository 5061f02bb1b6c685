/// A resident applying in person (or through an agent) for themself.
public struct PersonApplicant: Codable, Sendable, Hashable {
    public var name: String
    public var idNumber: ChineseIDNumber
    public var phone: PhoneNumber

    public init(name: String, idNumber: ChineseIDNumber, phone: PhoneNumber) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }
}

/// An enterprise or individual business applying through a contact person.
public struct EnterpriseApplicant: Codable, Sendable, Hashable {
    /// Registered name, e.g. 乌审旗某某牧家乐.
    public var name: String
    public var creditCode: UnifiedSocialCreditCode
    public var contactPerson: String
    public var phone: PhoneNumber

    public init(name: String, creditCode: UnifiedSocialCreditCode, contactPerson: String, phone: PhoneNumber) {
        self.name = name
        self.creditCode = creditCode
        self.contactPerson = contactPerson
        self.phone = phone
    }
}

/// Who a case is for. JSON: `{"kind":"person","name":…,"idNumber":…,"phone":…}` or
/// `{"kind":"enterprise","name":…,"creditCode":…,"contactPerson":…,"phone":…}`; numbers are checked
/// while decoding (GB 11643 for ID numbers, GB 32100 for credit codes).
public enum Applicant: Codable, Sendable, Hashable {
    case person(PersonApplicant)
    case enterprise(EnterpriseApplicant)

    /// A person from raw text fields: every field required, numbers validated.
    public static func person(name: String, idNumber: String, phone: String, today: LocalDay? = nil) throws -> Applicant {
        let name = try Self.required(name, "姓名", limit: 50)
        let id = try ChineseIDNumber(try Self.required(idNumber, "身份证号码"), notAfter: today)
        let phone = try PhoneNumber(try Self.required(phone, "联系电话"))
        return .person(PersonApplicant(name: name, idNumber: id, phone: phone))
    }

    /// An enterprise from raw text fields: every field required, numbers validated.
    public static func enterprise(name: String, creditCode: String, contactPerson: String, phone: String) throws -> Applicant {
        let name = try Self.required(name, "企业名称", limit: 100)
        let code = try UnifiedSocialCreditCode(try Self.required(creditCode, "统一社会信用代码"))
        let contact = try Self.required(contactPerson, "联系人", limit: 50)
        let phone = try PhoneNumber(try Self.required(phone, "联系电话"))
        return .enterprise(EnterpriseApplicant(name: name, creditCode: code, contactPerson: contact, phone: phone))
    }

    /// The name to address on notices (the person, or the enterprise).
    public var displayName: String {
        switch self {
        case .person(let p): p.name
        case .enterprise(let e): e.name
        }
    }

    /// The phone to call about the case.
    public var phone: PhoneNumber {
        switch self {
        case .person(let p): p.phone
        case .enterprise(let e): e.phone
        }
    }

    /// The applicant with personal data masked, for every public surface.
    public var masked: MaskedApplicant {
        switch self {
        case .person(let p):
            MaskedApplicant(
                kind: "person", name: PersonalDataMask.name(p.name), idNumber: p.idNumber.masked,
                contactPerson: nil, phone: p.phone.masked)
        case .enterprise(let e):
            MaskedApplicant(
                kind: "enterprise", name: e.name, idNumber: e.creditCode.masked,
                contactPerson: PersonalDataMask.name(e.contactPerson), phone: e.phone.masked)
        }
    }

    /// `text` trimmed, refused when empty or longer than `limit` (what a notice's line can show).
    private static func required(_ text: String, _ field: String, limit: Int = 64) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw CaseError.missingApplicantField(field) }
        guard TextRules.problem(in: trimmed, limit: limit) == nil else { throw CaseError.invalidApplicantField(field, limit: limit) }
        return trimmed
    }

    private enum CodingKeys: String, CodingKey { case kind, name, idNumber, phone, creditCode, contactPerson }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "person":
            self = .person(
                PersonApplicant(
                    name: try c.decode(String.self, forKey: .name),
                    idNumber: try c.decode(ChineseIDNumber.self, forKey: .idNumber),
                    phone: try c.decode(PhoneNumber.self, forKey: .phone)))
        case "enterprise":
            self = .enterprise(
                EnterpriseApplicant(
                    name: try c.decode(String.self, forKey: .name),
                    creditCode: try c.decode(UnifiedSocialCreditCode.self, forKey: .creditCode),
                    contactPerson: try c.decode(String.self, forKey: .contactPerson),
                    phone: try c.decode(PhoneNumber.self, forKey: .phone)))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown applicant kind \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .person(let p):
            try c.encode("person", forKey: .kind)
            try c.encode(p.name, forKey: .name)
            try c.encode(p.idNumber, forKey: .idNumber)
            try c.encode(p.phone, forKey: .phone)
        case .enterprise(let e):
            try c.encode("enterprise", forKey: .kind)
            try c.encode(e.name, forKey: .name)
            try c.encode(e.creditCode, forKey: .creditCode)
            try c.encode(e.contactPerson, forKey: .contactPerson)
            try c.encode(e.phone, forKey: .phone)
        }
    }
}

/// An applicant as shown on public surfaces: names, numbers and phones masked.
public struct MaskedApplicant: Codable, Sendable, Hashable {
    /// `person` or `enterprise`.
    public var kind: String
    /// Masked person name, or the enterprise's registered name.
    public var name: String
    /// Masked ID number or credit code.
    public var idNumber: String
    /// Masked contact person (enterprises).
    public var contactPerson: String?
    public var phone: String
}
