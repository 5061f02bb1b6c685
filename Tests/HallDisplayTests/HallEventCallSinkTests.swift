import Foundation
import HallCore
import HallDisplay
import Testing

/// Events from the queue to the LED screens and the voice: a call and its recall are both shown
/// and both spoken (real espeak-ng, a real player process, screens on a real pty).
@Suite("calls and recalls from hall events")
struct HallEventCallSinkTests {
    static func event(_ type: EventType, number: String, window: Int) -> HallEvent {
        var ticket = Ticket(
            number: number, day: LocalDay(year: 2026, month: 12, day: 2), sequence: 1,
            serviceID: "social-insurance", priority: .normal, issuedAt: Date())
        ticket.windowNumber = window
        return HallEvent(type: type, at: Date(), ticket: ticket, window: window)
    }

    @Test func eachCallAndEachRecallIsShownAndSpokenWithTheConfiguredPhrase() async throws {
        let dir = try CallAnnouncerTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("player.log")
        let script = "echo \"start $0\" >> '\(log.path)'; sox \"$0\" -n; echo \"end $0\" >> '\(log.path)'"
        let announcer = CallAnnouncer(
            settings: AnnouncementSettings(template: "请{number}号到{window}号窗口", repeatCount: 2),
            cache: VoiceCache(directory: dir.appendingPathComponent("voice")),
            player: CommandAudioPlayer(command: ["/bin/sh", "-c", script]))
        let f = try BusFixture()
        let sink = HallEventCallSink(
            display: CallDisplayService(driver: f.bus), announcer: announcer,
            serviceName: { $0 == "social-insurance" ? "社保医保" : nil })
        sink.publish([Self.event(.ticketCalled, number: "B001", window: 3)])
        // A newer command for a screen replaces a still-pending one (the bus coalesces), so let the
        // call reach the screen first, as it does in the hall where a recall comes seconds later.
        #expect(f.settle())
        sink.publish([Self.event(.ticketRecalled, number: "B001", window: 3), Self.event(.ticketIssued, number: "B002", window: 3)])
        await announcer.waitUntilIdle()
        #expect(f.settle())

        #expect(f.emulator[3]?.shownTexts == ["请B001号到3号窗口", "请B001号到3号窗口"])
        let records = announcer.recent()
        #expect(records.map(\.call.isRecall) == [false, true])
        #expect(records.allSatisfy { $0.text == "请B 零 零 一号到三号窗口。请B 零 零 一号到三号窗口。" && $0.playedLocally })
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["start", "end", "start", "end"])
    }
}
