import Foundation
import HallCore
import HallEmulators
import HallServer
import HallTestSupport
import Testing

/// A demo server for intake tests: a fresh temporary database and state folder, the shipped
/// data folder, a manual clock, and a recording sink.
struct IntakeTestHall {
    let server: HallServer
    let folder: URL
    let clock: ManualClock
    let events: RecordingSink
    /// The emulators standing in for the ticket printer and LED screens when the configuration asks for them.
    let demo: DemoDevices

    init(at day: String, _ adjust: (inout HallConfiguration) -> Void = { _ in }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-intake-\(UUID().uuidString)")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.dataDirectory = PackagePaths.url("data").path
        configuration.hardware = .none
        configuration.accounts.passwordCost = 4
        configuration.accounts.initialAdminPassword = TestCredentials.adminPassword
        adjust(&configuration)
        clock = ManualClock(Self.morning(day))
        events = RecordingSink()
        demo = DemoDevices(stateDirectory: folder)
        server = try HallServer(configuration: configuration, clock: clock, standIns: demo, sinks: [events])
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// 10:00 Beijing time on `day`.
    static func morning(_ day: String) -> Date {
        LocalDay(day)!.instant(minutesAfterMidnight: 600, in: TimeZone(identifier: "Asia/Shanghai")!)
    }

    /// A valid person applicant (GB 11643 checksum correct).
    static let person = #"{"kind":"person","name":"张三丰","idNumber":"150626198503121230","phone":"13904771234"}"#

    static func openBody(
        item: String, applicant: String = person,
        delivery: String = #"{"kind":"window"}"#, window: Int = 2
    ) -> String {
        #"{"item":"\#(item)","applicant":\#(applicant),"delivery":\#(delivery),"window":\#(window)}"#
    }

    /// Marks every material of `ids` received.
    static func received(_ ids: [String]) -> String {
        #"{"marks":["# + ids.map { #"{"material":"\#($0)","status":"received"}"# }.joined(separator: ",") + "]}"
    }
}
