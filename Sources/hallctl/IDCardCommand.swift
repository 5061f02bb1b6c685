import ArgumentParser
import Foundation
import HallCore
import HallIDCard
import HallTransport

/// `hallctl idcard read|readers`: read a resident ID card — on a window's reader through halld, or
/// on a reader plugged into this computer (a home visit's identity check on the staff's laptop).
struct IDCardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idcard", abstract: "Read resident ID cards (二代证阅读器).", subcommands: [Read.self, Readers.self])

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the card on a reader: a window's (through halld) or a local one (--device, --usb).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "The window whose reader halld should read (clerk).") var window: Int?
        @OptionGroup var reader: LocalCardReader
        @Option(help: "Seconds to wait for a card to be placed.") var wait: Double = 10
        @Flag(help: "Show the whole ID number (default: masked).") var full = false

        func run() async throws {
            if let window {
                let data = try await options.client.send("POST", "api/idcard/read", body: ["window": window, "wait": wait])
                try options.output(data) { try IDCardRendering.remote(data, full: full) }
                return
            }
            guard reader.isGiven else {
                throw ValidationError("give --window (a window's reader through halld), --device or --usb (a local reader)")
            }
            let holder = try reader.read(wait: wait)
            let today = LocalDay(Date(), in: HallTimeZone.current)
            if options.json {
                print(IDCardRendering.json(holder, today: today, full: full))
            } else {
                print(IDCardRendering.text(holder, today: today, full: full))
            }
        }
    }

    struct Readers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the state of halld's ID card readers.")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let data = try await options.client.send("GET", "api/idcard/readers")
            try options.output(data) {
                let list = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
                return list.map { r in
                    let state = (r["connected"] as? Bool) == true ? "已连接" : "未连接"
                    let error = (r["lastError"] as? String).map { "  \($0)" } ?? ""
                    return "\(r["place"] ?? "")  \(r["address"] ?? "")  \(state)  读卡 \(r["reads"] ?? 0) 次\(error)"
                }.joined(separator: "\n")
            }
        }
    }
}

