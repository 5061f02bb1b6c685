/// What a resident identity card (第二代居民身份证) says about its holder, read from the card's chip.
///
/// Lives in memory for the action it was read for (a ticket, a check-in, a case form) and is never
/// stored or logged whole: `description` is masked, and only what a case needs is kept by intake.
/// The photo is not part of it (the chip's WLT image is never decoded nor kept).
public struct IDCardHolder: Sendable, Equatable, CustomStringConvertible {
    /// 姓名, as printed (trailing padding removed).
    public var name: String
    /// 性别.
    public var sex: Sex
    /// 民族 code (GB/T 3304, two digits, e.g. `01` 汉).
    public var nationCode: String
    /// 出生日期.
    public var birthDate: LocalDay
    /// 住址.
    public var address: String
    /// 公民身份号码, its check digit verified (GB 11643).
    public var idNumber: ChineseIDNumber
    /// 签发机关.
    public var authority: String
    /// 有效期限: first day.
    public var validFrom: LocalDay
    /// 有效期限: last day; nil for 长期 (no end).
    public var validUntil: LocalDay?

    /// Builds a holder and checks it is consistent: the ID number's check digit, sex and birth date
    /// agree with the printed sex and birth date.
    public init(
        name: String, sex: Sex, nationCode: String, birthDate: LocalDay, address: String, idNumber: ChineseIDNumber,
        authority: String, validFrom: LocalDay, validUntil: LocalDay?
    ) throws(IDCardError) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidField("姓名") }
        guard idNumber.birthDate == birthDate else { throw .inconsistent("出生日期与公民身份号码不符") }
        guard idNumber.sex == sex else { throw .inconsistent("性别与公民身份号码不符") }
        if let validUntil, validUntil < validFrom { throw .invalidField("有效期限") }
        self.name = trimmed
        self.sex = sex
        self.nationCode = nationCode
        self.birthDate = birthDate
        self.address = address.trimmingCharacters(in: .whitespaces)
        self.idNumber = idNumber
        self.authority = authority.trimmingCharacters(in: .whitespaces)
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// 民族 as a name (汉, 蒙古, …), or the code when it is not a known one.
    public var nation: String { IDCardNation.name(code: nationCode) ?? nationCode }

    /// Age in whole years on `day`.
    public func age(on day: LocalDay) -> Int { idNumber.age(on: day) }

    /// Whether the card has expired by `day` (a long-term card never does).
    public func isExpired(on day: LocalDay) -> Bool { validUntil.map { $0 < day } ?? false }

    /// Masked name for public surfaces (the kiosk, the hall screen).
    public var maskedName: String { PersonalDataMask.name(name) }

    /// Masked: an accidental interpolation never leaks the card.
    public var description: String { "IDCardHolder(\(maskedName), \(idNumber.masked))" }
}
