import Foundation
import HallDisplay
import HallEmulators
import HallTransport
import Testing

@Suite("SerialDisplayBus over a real pty")
struct SerialDisplayBusTests {
    @Test func callsReachTheScreensOfTheirWindows() throws {
        let f = try BusFixture()
        let service = CallDisplayService(driver: f.bus)
        try service.show(DisplayCall(window: 3, ticketNumber: "A012", serviceName: "社保医保"))
        try service.show(DisplayCall(window: 1, ticketNumber: "B004"))
        try f.bus.setBrightness(9, window: 2)
        try service.showIdle(window: 2)
        #expect(f.settle())
        #expect(f.emulator[3]?.text == "请A012号到3号窗口")
        #expect(f.emulator[3]?.isShowingCall == true)
        #expect(f.emulator[1]?.text == "请B004号到1号窗口")
        #expect(f.emulator[2]?.text == "2号窗口 欢迎办理")
        #expect(f.emulator[2]?.brightness == 9)
        let status = f.bus.status()
        #expect(status.connected && status.healthy)
        #expect(status.screens.allSatisfy { $0.state == .responding })
        #expect(f.screen(window: 3)?.text == "请A012号到3号窗口")
        #expect(f.screen(window: 2)?.brightness == 9)
    }

    @Test func unknownWindowIsRefusedAtOnce() throws {
        let f = try BusFixture(start: false)
        #expect(throws: DisplayError.noScreenForWindow(9)) { try f.bus.showCall("x", window: 9) }
        #expect(throws: DisplayError.self) { try f.bus.setBrightness(20, window: 1) }
    }

    @Test func deadScreenIsRetriedThenReportedAndTheNextScreenStillGetsItsCall() throws {
        let f = try BusFixture()
        f.emulator[1]?.isDead = true
        try f.bus.showCall("请A001号到1号窗口", window: 1)
        try f.bus.showCall("请B001号到2号窗口", window: 2)
        #expect(f.settle())
        let order = f.emulator.received.map(\.address)
        // 1 attempt + 2 retries to the dead screen, then the call for window 2.
        #expect(order == [1, 1, 1, 2])
        #expect(f.emulator.received.prefix(3).allSatisfy { !$0.answered })
        let dead = try #require(f.screen(window: 1))
        #expect(dead.state == .notResponding)
        #expect(dead.failedAttempts == 3 && dead.framesSent == 3)
        #expect(dead.text == nil)
        #expect(dead.lastError != nil)
        #expect(f.screen(window: 2)?.state == .responding)
        #expect(f.emulator[2]?.text == "请B001号到2号窗口")
        #expect(!f.bus.status().healthy)

        // Once known silent, a screen costs one attempt per command until it answers again.
        try f.bus.showCall("请A002号到1号窗口", window: 1)
        #expect(f.settle())
        #expect(f.screen(window: 1)?.framesSent == 4)
        f.emulator[1]?.isDead = false
        try f.bus.showCall("请A003号到1号窗口", window: 1)
        #expect(f.settle())
        #expect(f.screen(window: 1)?.state == .responding)
        #expect(f.screen(window: 1)?.failedAttempts == 0)
        #expect(f.bus.status().healthy)
    }

    @Test func badChecksumIsRefusedAndRetried() throws {
        let f = try BusFixture()
        f.emulator[2]?.corruptNextFrames(1)
        try f.bus.showCall("请C010号到2号窗口", window: 2)
        #expect(f.settle())
        let received = f.emulator.received
        #expect(received.count == 2)
        #expect(received.first?.request == .refused(address: 2, code: HallFrameProtocol.Code.showCall, .badChecksum))
        #expect(received.first?.answered == true)  // a NAK went back
        #expect(
            received.last?.request
                == .command(
                    address: 2, code: HallFrameProtocol.Code.showCall,
                    .showCall("请C010号到2号窗口")))
        #expect(f.screen(window: 2)?.state == .responding)
        #expect(f.screen(window: 2)?.framesSent == 2)
        #expect(f.emulator[2]?.text == "请C010号到2号窗口")
    }

    @Test func newerCallSupersedesAPendingOne() throws {
        let f = try BusFixture(start: false)
        try f.bus.showCall("请A001号到1号窗口", window: 1)
        try f.bus.showCall("请B001号到2号窗口", window: 2)
        try f.bus.showCall("请A002号到1号窗口", window: 1)
        #expect(f.bus.status().pending == 2)
        f.bus.start()
        #expect(f.settle())
        #expect(f.emulator[1]?.shownTexts == ["请A002号到1号窗口"])
        #expect(f.emulator.received.map(\.address) == [1, 2])  // window 1 keeps its place in line
    }

    @Test func unpluggedPortIsReportedAndReopened() throws {
        let f = try BusFixture()
        try f.bus.showCall("请A001号到1号窗口", window: 1)
        #expect(f.settle())
        f.pty.stop()  // the adapter is pulled
        try f.bus.showCall("请A002号到1号窗口", window: 1)
        var waited = 0
        while f.bus.status().connected, waited < 400 {
            usleep(25_000)
            waited += 1
        }
        let down = f.bus.status()
        #expect(!down.connected)
        #expect(down.transportError != nil)
        #expect(down.pending == 1)  // kept for when the screen is back

        // Plugged back in at the same path: the worker reopens and delivers the pending call.
        let again = try VirtualDisplayPTY(bus: f.emulator, linkPath: f.pty.path)
        f.pty = again
        #expect(f.settle())
        #expect(f.emulator[1]?.text == "请A002号到1号窗口")
        #expect(f.bus.status().connected)
    }

    @Test func hotplugReportsAtOnceAndRestoresEveryScreenOnReplug() throws {
        // A long retry pause: only the hotplug notice can make the bus come back quickly.
        let f = try BusFixture(start: false)
        let bus = try SerialDisplayBus(
            connection: f.connection, profile: f.profile, screens: [1: 1, 2: 2, 3: 3],
            reconnectDelayMilliseconds: 60_000)
        bus.start()
        defer { bus.stop() }
        try bus.showCall("请A001号到1号窗口", window: 1)
        try bus.showIdleText("2号窗口 欢迎办理", window: 2)
        #expect(bus.waitUntilIdle(timeoutMilliseconds: 20_000))

        f.pty.stop()
        bus.transportLeft("adapter unplugged")
        let down = bus.status()
        #expect(!down.connected && down.transportError?.contains("adapter unplugged") == true, "reported without a send")

        // The screens lost power with the adapter; it comes back at the same path.
        let again = try VirtualDisplayPTY(bus: f.emulator, linkPath: f.pty.path)
        f.pty = again
        let before = f.emulator.received.count
        bus.transportArrived()
        #expect(bus.waitUntilIdle(timeoutMilliseconds: 20_000), "reopened at once, not after the 60 s retry pause (20 s: a loaded machine)")
        let resent = f.emulator.received.dropFirst(before).map(\.address).sorted()
        #expect(resent == [1, 2], "each screen gets what it should show again; screen 3 had nothing")
        #expect(f.emulator[1]?.text == "请A001号到1号窗口" && f.emulator[1]?.isShowingCall == true)
        #expect(bus.status().connected)
    }

    @Test func modbusStyleProfileDrivesItsScreens() throws {
        let profile = DisplayProfile(
            id: "m", name: "m", protocol: ModbusStyleProtocol.identifier,
            serial: SerialSettings(baudRate: 9600, parity: .even),
            encoding: .gb2312, charactersPerLine: 12, ackTimeoutMilliseconds: 150, retries: 1)
        let f = try BusFixture(profile: profile, windows: [5: 5, 6: 6])
        try f.bus.showCall("请A012号到5号窗口", window: 5)
        try f.bus.setBrightness(4, window: 6)
        f.emulator[6]?.corruptNextFrames(1)  // Modbus servers ignore a bad CRC: silence, then the retry
        #expect(f.settle())
        #expect(f.emulator[5]?.text == "请A012号到5号窗口")
        #expect(f.emulator[6]?.brightness == 4)
        #expect(f.screen(window: 6)?.framesSent == 2)
        #expect(f.bus.status().healthy)
    }

    @Test func asciiLineScreensWithoutAnswersAreUnconfirmed() throws {
        let profile = DisplayProfile(
            id: "a", name: "a", protocol: AsciiLineProtocol.identifier,
            serial: SerialSettings(), encoding: .gb2312, charactersPerLine: 16,
            ackExpected: false, retries: 0)
        let f = try BusFixture(profile: profile, windows: [1: 1, 2: 2])
        try f.bus.showCall("请A012号到1号窗口", window: 1)
        try f.bus.clear(window: 2)
        #expect(f.settle())
        var waited = 0  // no answer to wait for: give the emulator time to decode
        while f.emulator.received.count < 2, waited < 400 {
            usleep(10_000)
            waited += 1
        }
        #expect(f.emulator[1]?.text == "请A012号到1号窗口")
        #expect(f.screen(window: 1)?.state == .unconfirmed)
        #expect(f.emulator.received.allSatisfy { !$0.answered })
    }
}
