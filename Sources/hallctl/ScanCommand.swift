import ArgumentParser
import Foundation
import HallCore

/// `hallctl scan --case … --material …`, `hallctl scan list|delete|export`: a case's materials on
/// the window's document scanner (高拍仪).
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Capture a case's materials on the window's scanner; list, delete, export them.",
        subcommands: [Capture.self, List.self, Delete.self, Export.self], defaultSubcommand: Capture.self)

    struct Capture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scan one material of a case (several pages with --source adf).")
        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("case"), help: "Case number or id.") var ref: String
        @Option(help: "Material id from the item's checklist, e.g. id-card.") var material: String
        @Option(help: "Pages to take from the document feeder (needs --source adf).") var pages: Int?
        @Option(help: "flatbed or adf (default: the scanner profile's).") var source: String?
        @Option(help: "Window whose scanner is used (default: the case's window).") var window: Int?
        @Option(help: "Resolution in dpi.") var resolution: Int?
        @Option(help: "color, gray or lineart.") var mode: String?

        func run() async throws {
            var body: [String: Any] = ["material": material]
            if let pages { body["pages"] = pages }
            if let source { body["source"] = source }
            if let window { body["window"] = window }
            if let resolution { body["resolution"] = resolution }
            if let mode { body["colorMode"] = mode }
            let data = try await options.client.send("POST", "api/cases/\(ref)/captures", body: body)
            try options.output(data) {
                let answer = try HallJSON.decoder().decode(ScanRendering.Captured.self, from: data)
                return "已采集 \(answer.captures.count) 页（\(answer.window)号窗口）\n"
                    + answer.captures.map(ScanRendering.page).joined(separator: "\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a case's captured pages by checklist material.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("case"), help: "Case number or id.") var ref: String

        func run() async throws {
            let data = try await options.client.send("GET", "api/cases/\(ref)/captures")
            try options.output(data) { ScanRendering.list(try HallJSON.decoder().decode(ScanRendering.Listing.self, from: data)) }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a wrongly captured page (its id from scan list).")
        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("case"), help: "Case number or id.") var ref: String
        @Argument(help: "Page id.") var id: String

        func run() async throws {
            let data = try await options.client.send("DELETE", "api/cases/\(ref)/captures/\(id)")
            try options.output(data) { "已删除 " + ScanRendering.page(try HallJSON.decoder().decode(ScanRendering.Page.self, from: data)) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save every captured page of a case as one PDF.")
        @OptionGroup var options: GlobalOptions
        @Option(name: .customLong("case"), help: "Case number or id.") var ref: String
        @Option(name: .shortAndLong, help: "The PDF file to write.") var output: String

        func run() async throws {
            let pdf = try await options.client.send("GET", "api/cases/\(ref)/captures.pdf")
            guard pdf.starts(with: Data("%PDF".utf8)) else { throw APIClient.ClientError.unexpected("不是 PDF 文件") }
            try pdf.write(to: URL(fileURLWithPath: output), options: .atomic)
            let summary: [String: Any] = ["file": output, "bytes": pdf.count]
            options.output(try JSONSerialization.data(withJSONObject: summary)) { "已导出 \(output)（\(pdf.count / 1024) KB）" }
        }
    }
}

/// Text renderings of the capture API's answers.
enum ScanRendering {
    struct Page: Decodable {
        var id: String
        var material: String
        var materialName: String
        var page: Int
        var width: Int
        var height: Int
        var size: Int
    }

    struct Captured: Decodable {
        var window: Int
        var captures: [Page]
    }

    struct Listing: Decodable {
        struct Material: Decodable { var id: String; var name: String; var required: Bool; var pages: Int }
        var caseID: Int64
        var caseNumber: String?
        var materials: [Material]
        var captures: [Page]
    }

    static func page(_ p: Page) -> String {
        "\(p.materialName) 第\(p.page)页  \(p.width)×\(p.height)  \(max(1, p.size / 1024)) KB  \(p.id)"
    }

    static func list(_ listing: Listing) -> String {
        var lines = ["办件 \(listing.caseNumber ?? "#\(listing.caseID)")：共 \(listing.captures.count) 页"]
        for material in listing.materials {
            let mark = material.pages > 0 ? "\(material.pages) 页" : (material.required ? "未采集（必需）" : "未采集")
            lines.append("\(material.name)（\(material.id)）：\(mark)")
            lines += listing.captures.filter { $0.material == material.id }.map { "  " + page($0) }
        }
        return lines.joined(separator: "\n")
    }
}
