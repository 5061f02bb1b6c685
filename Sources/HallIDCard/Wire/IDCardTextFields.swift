/// The text block of a card as the chip holds it: fixed-width fields of UCS-2 little-endian text,
/// padded with spaces. Field values are raw text (codes and `yyyyMMdd` dates), not yet checked;
/// `IDCardTextBlock` encodes and decodes them.
public struct IDCardTextFields: Codable, Equatable, Sendable {
    public var name: String
    /// `1` male, `2` female (GB/T 2261.1).
    public var sex: String
    /// 民族 code, two digits.
    public var nation: String
    /// `yyyyMMdd`.
    public var birth: String
    public var address: String
    public var idNumber: String
    public var authority: String
    /// `yyyyMMdd`.
    public var validFrom: String
    /// `yyyyMMdd`, or `长期`.
    public var validUntil: String
    /// The card type mark in the reserved area: empty (resident ID card), `I` or `Y` (foreigner's
    /// permanent residence card), `J` (Hong Kong, Macao and Taiwan residents' residence permit).
    public var typeMark: String

    public init(
        name: String, sex: String, nation: String, birth: String, address: String, idNumber: String, authority: String,
        validFrom: String, validUntil: String, typeMark: String = ""
    ) {
        self.name = name
        self.sex = sex
        self.nation = nation
        self.birth = birth
        self.address = address
        self.idNumber = idNumber
        self.authority = authority
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.typeMark = typeMark
    }
}
