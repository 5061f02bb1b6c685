import Foundation
import Testing

@testable import HallCore

/// The shipped sample catalog and catalog validation.
@Suite struct CatalogTests {
    @Test func sampleCatalogDecodesAndIsRealistic() throws {
        let catalog = try IntakeTestData.catalog()
        #expect(catalog.items.count >= 15)
        #expect(Set(catalog.items.map(\.id)).count == catalog.items.count)
        let categories = Set(catalog.items.map(\.category))
        for category in [ItemCategory.socialSecurity, .civilAffairs, .familyHealth, .marketRegulation, .agriculture, .veterans] {
            #expect(categories.contains(category), "\(category)")
        }
        for item in catalog.items {
            #expect(!item.departments.isEmpty && !item.materials.isEmpty, "\(item.id)")
            #expect(item.materials.contains { $0.required }, "\(item.id) has a required material")
            #expect(item.fees == "不收费")
        }
        // Parallel processing: business registration goes to market regulation and tax at once.
        let business = try catalog.item("individual-business-establishment")
        #expect(business.name == "个体工商户设立登记")
        #expect(business.departments.map(\.id) == ["market-regulation", "tax"])
        #expect(business.isParallel)
        #expect(business.timeLimit.workingDays == 3)
        #expect(catalog.items.filter(\.isParallel).count >= 3)
        // Statutory limits carry their legal basis.
        let allowance = try catalog.item("minimum-living-allowance")
        guard case .statutory(let days, let basis) = allowance.timeLimit else {
            Issue.record("最低生活保障 should have a statutory limit"); return
        }
        #expect(days == 30)
        #expect(basis.contains("最低生活保障审核确认办法"))
        #expect(try catalog.item("temporary-assistance").timeLimit == .complex)
        #expect(try catalog.item("senior-allowance").homeVisitEligible)
        let disability = try catalog.item("disability-two-subsidies")
        #expect(disability.material("disability-card")?.form == .originalAndCopy)
        #expect(disability.material("photo")?.count == 2)
        #expect(catalog.departments.count == Set(catalog.departments.map(\.id)).count)
    }

    @Test func timeLimitsEncodeAndDecode() throws {
        let limits: [TimeLimit] = [.simple, .complex, .statutory(workingDays: 20, legalBasis: "某法第十条")]
        let decoded = try JSONDecoder().decode([TimeLimit].self, from: JSONEncoder().encode(limits))
        #expect(decoded == limits)
        #expect(decoded.map(\.workingDays) == [3, 7, 20])
        #expect(throws: CatalogError.self) {
            try Catalog.decode(
                from: Data(#"{"items":[{"id":"x","name":"x","category":"社保","departments":[],"timeLimit":{"kind":"weekly"},"materials":[]}]}"#.utf8))
        }
    }

    // MARK: Validation

    private let dept = Department(id: "civil-affairs", name: "镇民政办公室")
    private let idCard = Material(id: "id-card", name: "居民身份证", form: .originalAndCopy)

    private func item(
        _ id: String = "a", departments: [Department]? = nil, materials: [Material]? = nil,
        limit: TimeLimit = .simple
    ) -> CatalogItem {
        CatalogItem(
            id: id, name: "事项\(id)", category: .civilAffairs, departments: departments ?? [dept], timeLimit: limit,
            materials: materials ?? [idCard])
    }

    @Test func duplicateItemRefused() {
        #expect(throws: CatalogError.duplicateItem("a")) { try Catalog(items: [item("a"), item("b"), item("a")]) }
    }

    @Test func itemWithoutDepartmentRefused() {
        #expect(throws: CatalogError.noDepartment(item: "b")) { try Catalog(items: [item("a"), item("b", departments: [])]) }
    }

    @Test func itemWithoutMaterialRefused() {
        #expect(throws: CatalogError.noMaterial(item: "b")) { try Catalog(items: [item("a"), item("b", materials: [])]) }
    }

    @Test func nonPositiveLimitRefused() {
        #expect(throws: CatalogError.nonPositiveLimit(item: "a")) {
            try Catalog(items: [item("a", limit: .statutory(workingDays: 0, legalBasis: "某条例"))])
        }
        #expect(throws: CatalogError.missingLegalBasis(item: "a")) {
            try Catalog(items: [item("a", limit: .statutory(workingDays: 15, legalBasis: " "))])
        }
    }

    @Test func materialAndDepartmentRulesRefused() {
        #expect(throws: CatalogError.duplicateMaterial(item: "a", material: "id-card")) {
            try Catalog(items: [item("a", materials: [idCard, idCard])])
        }
        #expect(throws: CatalogError.nonPositiveCount(item: "a", material: "photo")) {
            try Catalog(items: [item("a", materials: [Material(id: "photo", name: "照片", form: .original, count: 0)])])
        }
        #expect(throws: CatalogError.duplicateDepartment(item: "a", department: "civil-affairs")) {
            try Catalog(items: [item("a", departments: [dept, dept])])
        }
        #expect(throws: CatalogError.departmentNameConflict(department: "civil-affairs", "镇民政办公室", "民政所")) {
            try Catalog(items: [item("a"), item("b", departments: [Department(id: "civil-affairs", name: "民政所")])])
        }
        #expect(throws: CatalogError.empty) { try Catalog(items: []) }
    }

    @Test("a material's Mongolian name, when given, is not empty and in the Mongolian script; the sample fills some")
    func mongolianMaterialNames() throws {
        for bad in ["", "  ", "居民身份证", "ᠪᠡᠶ᠎ᠡ 身份证"] {
            #expect(throws: CatalogError.invalidMongolianName(item: "a", material: "id-card"), "'\(bad)'") {
                try Catalog(items: [item("a", materials: [Material(id: "id-card", name: "居民身份证", form: .original, nameMn: bad)])])
            }
        }
        let card = Material(id: "id-card", name: "居民身份证", form: .original, nameMn: "ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ")
        let named = try Catalog(items: [item("a", materials: [card])])
        #expect(try named.item("a").materials.first?.nameMn == "ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ")
        let sample = try IntakeTestData.catalog()
        #expect(try sample.item("senior-allowance").materials.allSatisfy { $0.nameMn != nil })
        // Without one the entry decodes as before and encodes without the field.
        let plain = try #require(try sample.item("rural-pension-enrolment").materials.first)
        #expect(plain.nameMn == nil)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("nameMn"))
    }

    @Test func malformedJSONAndUnknownItem() throws {
        let error = #expect(throws: CatalogError.self) { try Catalog.decode(from: Data("[]".utf8)) }
        #expect(error?.code == "catalog_malformed")
        let catalog = try IntakeTestData.catalog()
        #expect(throws: CatalogError.unknownItem("passport")) { try catalog.item("passport") }
        #expect(CatalogError.unknownItem("passport").kind == .notFound)
    }

    @Test("an item's Mongolian name is checked as a material's, the error naming the item; the sample fills 高龄津贴申请's")
    func mongolianItemNames() throws {
        for bad in ["", "  ", "高龄津贴申请", "ᠬᠥᠭᠰᠢᠳ 津贴"] {
            var named = item("a")
            named.nameMn = bad
            let error = #expect(throws: CatalogError.invalidMongolianName(item: "a", material: nil), "'\(bad)'") {
                try Catalog(items: [named])
            }
            #expect(error?.code == "catalog_invalid_mongolian_name")
            #expect(error?.message == "事项“a”的蒙古文名称为空或含有蒙古文以外的文字。")
        }
        var named = item("a")
        named.nameMn = "ᠬᠥᠭᠰᠢᠳ\u{202F}ᠦᠨ ᠲᠡᠳᠬᠦᠯᠭᠡ"
        let catalog = try Catalog(items: [named])
        let decoded = try Catalog.decode(from: JSONEncoder().encode(catalog))
        #expect(try decoded.item("a").nameMn == "ᠬᠥᠭᠰᠢᠳ\u{202F}ᠦᠨ ᠲᠡᠳᠬᠦᠯᠭᠡ")
        let sample = try IntakeTestData.catalog()
        #expect(try sample.item("senior-allowance").nameMn?.isEmpty == false)
        // Without one the item decodes as before and encodes without the field.
        let plain = try sample.item("rural-pension-enrolment")
        #expect(plain.nameMn == nil)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("nameMn"))
    }
}
