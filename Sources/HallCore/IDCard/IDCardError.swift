/// Why what a card reader read is not a usable resident identity card. Messages never repeat the
/// card's data, so they can be shown and logged.
public enum IDCardError: HallFailure, Equatable {
    /// A field is empty or malformed (the field's Chinese name).
    case invalidField(String)
    /// The ID number's check digit (GB 11643) is wrong.
    case badIDNumber(IdentityError)
    /// Two fields disagree (what disagrees).
    case inconsistent(String)
    /// The card is past its validity.
    case expired

    public var code: String {
        switch self {
        case .invalidField: "idcard_invalid_field"
        case .badIDNumber: "idcard_bad_id_number"
        case .inconsistent: "idcard_inconsistent"
        case .expired: "idcard_expired"
        }
    }

    public var message: String {
        switch self {
        case .invalidField(let field): "身份证信息中的“\(field)”无法识别，请重新放置证件，或人工录入。"
        case .badIDNumber(let why): "身份证号码未通过校验（\(why.message)），请人工核对证件。"
        case .inconsistent(let what): "身份证信息不一致：\(what)，请人工核对证件。"
        case .expired: "该身份证已超过有效期限，请使用有效证件或到窗口人工办理。"
        }
    }

    public var kind: FailureKind { .invalidInput }
}
