/// Why an identity number or phone number is refused. Messages never repeat the number itself,
/// so they can be logged.
public enum IdentityError: HallFailure, Equatable {
    /// The ID card number does not have 18 characters (the count seen).
    case idWrongLength(Int)
    /// A character other than a digit (or a final X) in an ID card number.
    case idInvalidCharacter
    /// The first six digits are not an administrative division code (all zeros, or a province part
    /// outside 11…82).
    case idBadRegion
    /// Digits 7–14 are not a real birth date (or it is before 1900 or after the given day).
    case idBadBirthDate
    /// The 18th character does not match the ISO 7064 MOD 11-2 checksum.
    case idBadChecksum
    /// The unified social credit code does not have 18 characters.
    case creditCodeWrongLength(Int)
    /// A character outside the GB 32100 character set (digits and capitals except I, O, S, V, Z).
    case creditCodeInvalidCharacter
    /// The 18th character does not match the GB 32100 check.
    case creditCodeBadChecksum
    /// Not a mainland mobile number (1[3-9] + 9 digits) nor a fixed line with area code.
    case badPhone

    public var code: String {
        switch self {
        case .idWrongLength: "id_number_wrong_length"
        case .idInvalidCharacter: "id_number_invalid_character"
        case .idBadRegion: "id_number_bad_region"
        case .idBadBirthDate: "id_number_bad_birth_date"
        case .idBadChecksum: "id_number_bad_checksum"
        case .creditCodeWrongLength: "credit_code_wrong_length"
        case .creditCodeInvalidCharacter: "credit_code_invalid_character"
        case .creditCodeBadChecksum: "credit_code_bad_checksum"
        case .badPhone: "phone_invalid"
        }
    }

    public var message: String {
        switch self {
        case .idWrongLength(let n): "居民身份证号码应为18位，当前为\(n)位。"
        case .idInvalidCharacter: "居民身份证号码只能由数字组成，最后一位可以是X。"
        case .idBadRegion: "居民身份证号码前6位不是有效的行政区划代码。"
        case .idBadBirthDate: "居民身份证号码中的出生日期无效。"
        case .idBadChecksum: "居民身份证号码校验码不正确，请核对每一位数字。"
        case .creditCodeWrongLength(let n): "统一社会信用代码应为18位，当前为\(n)位。"
        case .creditCodeInvalidCharacter: "统一社会信用代码含有不允许的字符（不使用I、O、S、V、Z）。"
        case .creditCodeBadChecksum: "统一社会信用代码校验码不正确，请核对营业执照。"
        case .badPhone: "联系电话无效：请填写11位手机号码，或带区号的固定电话（如0477-7552004）。"
        }
    }

    public var kind: FailureKind { .invalidInput }
}
