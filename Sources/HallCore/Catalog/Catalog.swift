import Foundation

/// The published catalog of items the comprehensive window accepts (一窗受理事项清单).
///
/// Decoded from JSON an administrator edits and imports (`data/catalog/sample-catalog.json` is the
/// shipped sample): `{ "version": "…", "items": [CatalogItem…] }`.
public struct Catalog: Codable, Sendable, Equatable {
    /// Free text naming the edition, e.g. `2025-08`.
    public var version: String?
    public var items: [CatalogItem]

    public init(version: String? = nil, items: [CatalogItem]) throws {
        self.version = version
        self.items = items
        try validate()
    }

    /// Decodes and validates a catalog.
    /// - Throws: `CatalogError.malformed` for JSON that does not decode, or the first rule broken.
    public static func decode(from data: Data) throws -> Catalog {
        struct Raw: Decodable { var version: String?; var items: [CatalogItem] }
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: data)
        } catch {
            throw CatalogError.malformed(String(describing: error))
        }
        return try Catalog(version: raw.version, items: raw.items)
    }

    /// The item with `id`.
    public func item(_ id: String) throws -> CatalogItem {
        guard let item = items.first(where: { $0.id == id }) else { throw CatalogError.unknownItem(id) }
        return item
    }

    /// Every department named by some item, once, in first-seen order.
    public var departments: [Department] {
        var seen = Set<String>()
        return items.flatMap(\.departments).filter { seen.insert($0.id).inserted }
    }

    /// Checks: at least one item; unique, non-empty item ids and names, a Mongolian name (when given, as
    /// for a material) not empty and in the Mongolian script; every item has at least one
    /// department and one material, a positive time limit (and a legal basis when statutory);
    /// departments unique within an item and one name per department id across the catalog;
    /// material ids unique within an item with a positive count, a Mongolian name (when given) not
    /// empty and in the Mongolian script.
    public func validate() throws {
        guard !items.isEmpty else { throw CatalogError.empty }
        var itemIDs = Set<String>()
        var departmentNames: [String: String] = [:]
        for item in items {
            guard !item.id.trimmingCharacters(in: .whitespaces).isEmpty,
                !item.name.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw CatalogError.unnamedItem(item.id) }
            guard itemIDs.insert(item.id).inserted else { throw CatalogError.duplicateItem(item.id) }
            try Self.checkMongolianName(item.nameMn, item: item.id)
            guard !item.departments.isEmpty else { throw CatalogError.noDepartment(item: item.id) }
            guard !item.materials.isEmpty else { throw CatalogError.noMaterial(item: item.id) }
            guard item.timeLimit.workingDays > 0 else { throw CatalogError.nonPositiveLimit(item: item.id) }
            if case .statutory(_, let basis) = item.timeLimit, basis.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CatalogError.missingLegalBasis(item: item.id)
            }
            var itemDepartments = Set<String>()
            for department in item.departments {
                guard itemDepartments.insert(department.id).inserted else {
                    throw CatalogError.duplicateDepartment(item: item.id, department: department.id)
                }
                if let known = departmentNames[department.id], known != department.name {
                    throw CatalogError.departmentNameConflict(department: department.id, known, department.name)
                }
                departmentNames[department.id] = department.name
            }
            var materialIDs = Set<String>()
            for material in item.materials {
                guard materialIDs.insert(material.id).inserted else {
                    throw CatalogError.duplicateMaterial(item: item.id, material: material.id)
                }
                guard material.count > 0 else { throw CatalogError.nonPositiveCount(item: item.id, material: material.id) }
                try Self.checkMongolianName(material.nameMn, item: item.id, material: material.id)
            }
        }
    }

    /// An item's or a material's Mongolian name, when given, is not empty and in the Mongolian script.
    private static func checkMongolianName(_ name: String?, item: String, material: String? = nil) throws {
        guard let name else { return }
        if name.trimmingCharacters(in: .whitespaces).isEmpty || !name.unicodeScalars.allSatisfy(ResidentLanguage.mn.allows) {
            throw CatalogError.invalidMongolianName(item: item, material: material)
        }
    }
}
