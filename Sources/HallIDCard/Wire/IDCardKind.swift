/// Which document is on the reader, from the type mark in the text block.
public enum IDCardKind: String, Codable, Sendable, CaseIterable {
    /// 居民身份证: the one Hall reads.
    case resident
    /// 外国人永久居留身份证.
    case foreignPermanentResident = "foreign-permanent-resident"
    /// 港澳台居民居住证.
    case hkMacaoTaiwanResidence = "hk-macao-taiwan-residence"

    /// The type mark of the kind in the text block (offset 248).
    public var typeMark: String {
        switch self {
        case .resident: ""
        case .foreignPermanentResident: "I"
        case .hkMacaoTaiwanResidence: "J"
        }
    }

    /// The kind a type mark says.
    public init(typeMark: String) {
        switch typeMark {
        case "I", "Y": self = .foreignPermanentResident
        case "J": self = .hkMacaoTaiwanResidence
        default: self = .resident
        }
    }

    /// Its Chinese name.
    public var label: String {
        switch self {
        case .resident: "居民身份证"
        case .foreignPermanentResident: "外国人永久居留身份证"
        case .hkMacaoTaiwanResidence: "港澳台居民居住证"
        }
    }
}
