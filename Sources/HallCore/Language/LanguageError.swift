/// Why a language setting or a message catalog cannot be used.
public enum LanguageError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownLanguage(String)
    case repeatedLanguage(String)
    case chineseMissing
    case unreadableCatalog(ResidentLanguage, String)
    case unknownKey(String)
    case emptyText(String)
    case placeholdersDiffer(key: String, language: ResidentLanguage)
    case foreignCharacters(key: String, language: ResidentLanguage, scalar: String)

    public var description: String {
        switch self {
        case .unknownLanguage(let code): "未知的语言“\(code)”：只能是 zh（汉文）或 mn（蒙古文）"
        case .repeatedLanguage(let code): "语言“\(code)”重复"
        case .chineseMissing: "语言列表必须包含 zh（汉文）"
        case .unreadableCatalog(let language, let reason): "\(language.rawValue) 文字表无法读取：\(reason)"
        case .unknownKey(let key): "没有“\(key)”这一条文字"
        case .emptyText(let key): "“\(key)”的文字不能为空"
        case .placeholdersDiffer(let key, let language): "“\(key)”的 \(language.rawValue) 文字与汉文的占位符（如 {number}）不一致"
        case .foreignCharacters(let key, let language, let scalar):
            "“\(key)”的 \(language.rawValue) 文字含有不属于该文字的字符 \(scalar)"
        }
    }
}
