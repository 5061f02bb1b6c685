import ArgumentParser
import Foundation

extension CaseCommand {
    /// `hallctl case notice CASE acceptance|correction --out FILE`: the newest notice as kept (A4 PDF).
    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a case's newest acceptance or correction notice (A4 PDF) to a file.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Case number or id.") var ref: String
        @Argument(help: "acceptance (受理通知书) or correction (补正告知书).") var kind: String = "acceptance"
        @Option(help: "Where to save the PDF, e.g. notice.pdf.") var out: String

        func run() async throws {
            let kinds = ["acceptance": "acceptance", "受理": "acceptance", "受理通知书": "acceptance",
                "correction": "correction", "补正": "correction", "补正告知书": "correction"]
            guard let kind = kinds[kind] else {
                throw ValidationError("通知书种类只能是 acceptance（受理通知书）或 correction（补正告知书），不是“\(kind)”")
            }
            let data = try await options.client.send("GET", "api/cases/\(ref)/notices/\(kind).pdf")
            do {
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw ValidationError("无法写入 \(out)：请检查目录是否存在、是否有写权限")
            }
            print("已保存\(kind == "acceptance" ? "受理通知书" : "补正告知书")到 \(out)（\(data.count) 字节）")
        }
    }
}
