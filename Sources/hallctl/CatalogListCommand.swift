import ArgumentParser
import Foundation
import HallCore

extension CatalogCommand {
    /// `hallctl catalog list [ITEM]`: the items with their ids; with an item, its materials with the
    /// ids `case review --received/--missing` take.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the catalog's items (ids for case open), or one item's materials (ids for case review).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "An item id or its Chinese name: list its materials.") var item: String?

        func run() async throws {
            let data = try await options.client.send("GET", "api/catalog")
            let catalog = try HallJSON.decoder().decode(Catalog.self, from: data)
            guard let item else {
                return options.output(data) { Self.items(catalog) }
            }
            guard let found = catalog.items.first(where: { $0.id == item || $0.name == item }) else {
                throw ValidationError("事项清单中没有“\(item)”：hallctl catalog list 列出全部事项及其编号")
            }
            options.output(data) { Self.materials(found) }
        }

        static func items(_ catalog: Catalog) -> String {
            guard !catalog.items.isEmpty else { return "事项清单为空：请用 hallctl catalog import 导入。" }
            return catalog.items.map { i in
                "\(i.id)  \(i.name)（\(i.departments.map(\.name).joined(separator: "、"))，\(i.timeLimit.label)）"
            }.joined(separator: "\n") + "\n（hallctl catalog list 事项编号：列出该事项的材料编号）"
        }

        static func materials(_ item: CatalogItem) -> String {
            (["\(item.id)  \(item.name) 的申请材料："]
                + item.materials.map { m in
                    "  \(m.id)  \(m.name)（\(m.form.label) \(m.count) 份，\(m.required ? "必交" : "可选")）"
                }).joined(separator: "\n")
        }
    }
}
