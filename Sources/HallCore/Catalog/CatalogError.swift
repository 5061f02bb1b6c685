/// Everything the catalog refuses, naming the offending item (and material or department).
public enum CatalogError: HallFailure, Equatable {
    case malformed(String)
    case empty
    case unknownItem(String)
    case unnamedItem(String)
    case duplicateItem(String)
    case noDepartment(item: String)
    case noMaterial(item: String)
    case nonPositiveLimit(item: String)
    case missingLegalBasis(item: String)
    case duplicateDepartment(item: String, department: String)
    case departmentNameConflict(department: String, String, String)
    case duplicateMaterial(item: String, material: String)
    case nonPositiveCount(item: String, material: String)
    /// An item's Mongolian name (`material` nil) or one of its materials'.
    case invalidMongolianName(item: String, material: String?)

    public var code: String {
        switch self {
        case .malformed: "catalog_malformed"
        case .empty: "catalog_empty"
        case .unknownItem: "unknown_item"
        case .unnamedItem: "catalog_unnamed_item"
        case .duplicateItem: "catalog_duplicate_item"
        case .noDepartment: "catalog_no_department"
        case .noMaterial: "catalog_no_material"
        case .nonPositiveLimit: "catalog_non_positive_limit"
        case .missingLegalBasis: "catalog_missing_legal_basis"
        case .duplicateDepartment: "catalog_duplicate_department"
        case .departmentNameConflict: "catalog_department_name_conflict"
        case .duplicateMaterial: "catalog_duplicate_material"
        case .nonPositiveCount: "catalog_non_positive_count"
        case .invalidMongolianName: "catalog_invalid_mongolian_name"
        }
    }

    public var message: String {
        switch self {
        case .malformed(let detail): "事项清单文件格式不正确：\(detail)"
        case .empty: "事项清单中没有任何事项。"
        case .unknownItem(let id): "事项清单中没有事项“\(id)”，请从清单中选择。"
        case .unnamedItem(let id): "事项“\(id)”缺少编号或名称。"
        case .duplicateItem(let id): "事项编号“\(id)”重复。"
        case .noDepartment(let item): "事项“\(item)”没有指定审批部门。"
        case .noMaterial(let item): "事项“\(item)”没有列出申请材料。"
        case .nonPositiveLimit(let item): "事项“\(item)”的办理时限必须大于0个工作日。"
        case .missingLegalBasis(let item): "事项“\(item)”采用法定时限，但未写明法律依据。"
        case .duplicateDepartment(let item, let d): "事项“\(item)”重复列出部门“\(d)”。"
        case .departmentNameConflict(let d, let a, let b): "部门“\(d)”在清单中有两个名称：“\(a)”和“\(b)”。"
        case .duplicateMaterial(let item, let m): "事项“\(item)”的材料编号“\(m)”重复。"
        case .nonPositiveCount(let item, let m): "事项“\(item)”的材料“\(m)”份数必须大于0。"
        case .invalidMongolianName(let item, nil): "事项“\(item)”的蒙古文名称为空或含有蒙古文以外的文字。"
        case .invalidMongolianName(let item, let m?): "事项“\(item)”的材料“\(m)”的蒙古文名称为空或含有蒙古文以外的文字。"
        }
    }

    public var kind: FailureKind {
        switch self {
        case .unknownItem: .notFound
        default: .invalidInput
        }
    }
}
