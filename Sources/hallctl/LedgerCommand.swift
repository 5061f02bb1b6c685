import ArgumentParser
import Foundation
import HallCore

/// `hallctl ledger month|balances|export|print|record|adjust|leave|grant|taken|cancel`: the staff
/// ledger of appointment and extended service (登记台账) and compensatory time off (调休).
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Staff ledger of appointment and extended service, and compensatory time off.",
        subcommands: [
            Month.self, Balances.self, Export.self, Print.self, Record.self, Adjust.self, Leave.self, Grant.self,
            Taken.self, Cancel.self,
        ],
        defaultSubcommand: Month.self)

    struct Month: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A month's entries and each staff member's standing.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Month (yyyy-MM), default this month.") var month: String?
        @Option(help: "Only this staff member (clerks always see only their own).") var staff: String?

        func run() async throws {
            var query: [URLQueryItem] = []
            if let month { query.append(URLQueryItem(name: "month", value: month)) }
            if let staff { query.append(URLQueryItem(name: "staff", value: staff)) }
            let data = try await options.client.send("GET", "api/ledger", query: query)
            try options.output(data) { ExtendedRendering.month(try HallJSON.decoder().decode(LedgerMonthView.self, from: data)) }
        }
    }

    struct Balances: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cumulative service, leave and balance per staff member.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this staff member.") var staff: String?

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/ledger/balances",
                query: staff.map { [URLQueryItem(name: "staff", value: $0)] } ?? [])
            try options.output(data) {
                let list = try HallJSON.decoder().decode([LedgerBalance].self, from: data)
                return list.isEmpty ? "台账中还没有记录" : list.map(ExtendedRendering.balance).joined(separator: "\n")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a month as CSV (UTF-8 with BOM, opens in Excel) or A4 PDF.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Month (yyyy-MM), default this month.") var month: String?
        @Option(help: "csv or pdf.") var format: String = "csv"
        @Option(name: .shortAndLong, help: "Output file (default ledger-<month>.<format>).") var output: String?

        func run() async throws {
            var query = [URLQueryItem(name: "format", value: format)]
            if let month { query.append(URLQueryItem(name: "month", value: month)) }
            let data = try await options.client.send("GET", "api/ledger/export", query: query)
            let path = output ?? "ledger-\(month ?? "current").\(format)"
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            print("已保存 \(path)（\(data.count) 字节）")
        }
    }

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a month's ledger (A4 PDF) on the office printer.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Month (yyyy-MM), default this month.") var month: String?

        func run() async throws {
            let data = try await options.client.send("POST", "api/ledger/print", body: month.map { ["month": $0] } ?? [:])
            try options.output(data) {
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                let report = object?["print"] as? [String: Any]
                return report?["status"] as? String == "printed" ? "已打印台账" : "未打印：\(report?["message"] as? String ?? "")"
            }
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record service time by hand (head).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Staff user name.") var staff: String
        @Option(help: "appointment or extended.") var kind: String
        @Option(help: "Start, ISO 8601 (2026-11-28T09:00:00+08:00).") var start: String
        @Option(help: "End, ISO 8601.") var end: String
        @Option(help: "Note.") var note: String = ""
        @Option(help: "What was served, comma separated.") var served: String = ""

        func run() async throws {
            let body: [String: Any] = [
                "staff": staff, "kind": kind, "start": start, "end": end, "note": note,
                "served": served.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            ]
            let data = try await options.client.send("POST", "api/ledger/entries", body: body)
            try options.output(data) {
                let e = try HallJSON.decoder().decode(LedgerEntry.self, from: data)
                return "已登记 #\(e.id) \(e.staff) \(e.day) \(e.kind.label) \(e.minutes) 分钟"
            }
        }
    }

    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Correct an entry's minutes (0 voids it), with a reason (head).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Entry id.") var id: Int
        @Option(help: "Minutes that count.") var minutes: Int
        @Option(help: "Why.") var reason: String

        func run() async throws {
            let data = try await options.client.send("PATCH", "api/ledger/entries/\(id)", body: ["minutes": minutes, "reason": reason])
            options.output(data) { "已调整 #\(id) 为 \(minutes) 分钟" }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List compensatory time off.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Only this staff member.") var staff: String?

        func run() async throws {
            let data = try await options.client.send(
                "GET", "api/ledger/leave",
                query: staff.map { [URLQueryItem(name: "staff", value: $0)] } ?? [])
            try options.output(data) {
                let list = try HallJSON.decoder().decode([LeaveGrant].self, from: data)
                return list.isEmpty ? "没有调休安排" : list.map(ExtendedRendering.grant).joined(separator: "\n")
            }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant compensatory time off on a working day (head).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Staff user name.") var staff: String
        @Option(help: "Working day off (yyyy-MM-dd).") var day: String
        @Option(help: "Hours (half-hour steps).") var hours: Double
        @Option(help: "Note.") var note: String = ""

        func run() async throws {
            let data = try await options.client.send(
                "POST", "api/ledger/leave",
                body: ["staff": staff, "day": day, "hours": hours, "note": note])
            try options.output(data) { "已安排调休 " + ExtendedRendering.grant(try HallJSON.decoder().decode(LeaveGrant.self, from: data)) }
        }
    }

    struct Taken: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark granted leave as taken (head).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Grant id.") var id: Int

        func run() async throws {
            let data = try await options.client.send("POST", "api/ledger/leave/\(id)/taken")
            try options.output(data) { ExtendedRendering.grant(try HallJSON.decoder().decode(LeaveGrant.self, from: data)) }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw granted leave not yet taken (head).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Grant id.") var id: Int
        @Option(help: "Why.") var reason: String

        func run() async throws {
            let data = try await options.client.send("POST", "api/ledger/leave/\(id)/cancel", body: ["reason": reason])
            try options.output(data) { ExtendedRendering.grant(try HallJSON.decoder().decode(LeaveGrant.self, from: data)) }
        }
    }
}
