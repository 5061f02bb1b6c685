import ArgumentParser
import Foundation
import HallStore

/// `hallctl backup OUT`: an online, consistent copy of the live SQLite database (SQLite's
/// backup API; the daemon keeps running).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Make an online backup of the hall database.")

    @Option(help: "The live database (default: /var/lib/hall/hall.sqlite if present, else var/hall.sqlite).")
    var database: String?

    @Argument(help: "Where to write the backup.")
    var output: String

    func run() throws {
        let source =
            database ?? (FileManager.default.fileExists(atPath: "/var/lib/hall/hall.sqlite") ? "/var/lib/hall/hall.sqlite" : "var/hall.sqlite")
        guard FileManager.default.fileExists(atPath: source) else { throw ValidationError("找不到数据库文件 \(source)（用 --database 指定）") }
        guard !FileManager.default.fileExists(atPath: output) else { throw ValidationError("\(output) 已存在，请换一个新文件名") }
        try HallDatabase(StoreConfiguration(path: source)).backup(to: output)
        print("已将数据库 \(source) 备份到 \(output)")
    }
}
