import Foundation
import HallCore
import HallServer
import Testing

/// A demo server for intake tests: a fresh temporary database and state folder, the shipped
/// data folder, a manual clock, and a recording sink.
struct IntakeTestHall {
    let server: HallServer
    let folder: URL
    let clock: ManualClock
    let events: RecordingSink

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(at day: String, _ adjust: (inout HallConfiguration) -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-intake-\(UUID().uuidString)")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.dataDirectory = Self.repoRoot.appendingPathComponent("data").path
        configuration.hardware = .none
        configuration.accounts.passwordCost = 4
        configuration.accounts.initialAdminPassword = TestCredentials.adminPassword
        adjust(&configuration)
        clock = ManualClock(Self.morning(day))
        events = RecordingSink()
        server = try HallServer(configuration: configuration, clock: clock, sinks: [events])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// 10:00 Beijing time on `day`.
    static func morning(_ day: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// A valid person applicant (GB 11643 checksum correct).
    static let person = #"{"kind":"person","name":"张三丰","idNumber":"150626198503121230","phone":"13904771234"}"#

    static func openBody(item: String, applicant: String = person,
                         delivery: String = #"{"kind":"window"}"#, clerk: String = "王芳", window: Int = 2) -> String {
        #"{"item":"\#(item)","applicant":\#(applicant),"delivery":\#(delivery),"clerk":"\#(clerk)","window":\#(window)}"#
    }

    /// Marks every material of `ids` received.
    static func received(_ ids: [String]) -> String {
        #"{"clerk":"王芳","marks":["# + ids.map { #"{"material":"\#($0)","status":"received"}"# }.joined(separator: ",") + "]}"
    }
}

/// Collects published events.
final class RecordingSink: HallEventSink, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HallEvent] = []
    func publish(_ events: [HallEvent]) { lock.withLock { recorded += events } }
    var types: [EventType] { lock.withLock { recorded.map(\.type) } }
    var all: [HallEvent] { lock.withLock { recorded } }
}

/// Reads a PDF's text back with poppler's `pdftotext` (whitespace removed: wrapping splits words).
func pdfText(_ data: Data) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("hall-notice-\(UUID().uuidString).pdf")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    return try pdfText(file: file)
}

func pdfText(file: URL) throws -> String {
    let tool = "/usr/bin/pdftotext"
    try #require(FileManager.default.isExecutableFile(atPath: tool), "pdftotext (poppler-utils) is not installed")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-enc", "UTF-8", file.path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
}
