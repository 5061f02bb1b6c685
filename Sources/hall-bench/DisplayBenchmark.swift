import Foundation
import HallDisplay
import HallEmulators
import HallTransport

/// Call → LED frame: from `CallDisplayService.show` returning to the emulated screen having decoded
/// the frame, through a real pty and `TTYConnection` (hall-frame-v1, 115200 8N1 termios settings;
/// a pty does not pace bytes at the baud rate, so line time is not included — at 9600 baud a
/// 25-byte call frame adds about 26 ms on a real RS-485 line).
enum DisplayBenchmark {
    static func callToFrame(iterations: Int) async -> [String: Double] {
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("hall-bench-led-\(UUID().uuidString)").path
        let emulator = VirtualDisplayBus(addresses: [1, 2, 3])
        let decoded = DecodeClock()
        emulator.onFrame = { _ in decoded.mark() }
        guard let pty = try? VirtualDisplayPTY(bus: emulator, linkPath: link) else { return ["error": 1] }
        defer { pty.stop() }
        var profile = DisplayProfile.generic
        profile.serial = SerialSettings(baudRate: 115200)
        let connection = TTYConnection(path: link, settings: profile.serial)
        guard let bus = try? SerialDisplayBus(connection: connection, profile: profile, screens: [1: 1, 2: 2, 3: 3]) else {
            return ["error": 1]
        }
        bus.start()
        defer { bus.stop() }
        let service = CallDisplayService(driver: bus)
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for i in 0..<max(iterations, 1) {
            let window = i % 3 + 1
            let before = decoded.count
            let start = DispatchTime.now().uptimeNanoseconds
            try? service.show(DisplayCall(window: window, ticketNumber: TicketLike.number(i)))
            guard let at = decoded.wait(after: before, timeoutMilliseconds: 2000) else { continue }
            samples.append(Double(at - start) / 1_000_000)
            _ = bus.waitUntilIdle(timeoutMilliseconds: 2000)  // let the ACK finish before the next call
        }
        samples.sort()
        func percentile(_ p: Double) -> Double {
            samples.isEmpty ? -1 : samples[min(samples.count - 1, Int((p * Double(samples.count - 1)).rounded()))]
        }
        return [
            "display.callToFrame.p50_ms": percentile(0.50), "display.callToFrame.p99_ms": percentile(0.99),
            "display.callToFrame.samples": Double(samples.count),
        ]
    }

    /// Times of frames the emulator decoded.
    private final class DecodeClock: @unchecked Sendable {
        private let condition = NSCondition()
        private var times: [UInt64] = []

        var count: Int { condition.withLock { times.count } }

        func mark() {
            let now = DispatchTime.now().uptimeNanoseconds
            condition.withLock {
                times.append(now)
                condition.broadcast()
            }
        }

        func wait(after index: Int, timeoutMilliseconds: Int) -> UInt64? {
            let limit = Date(timeIntervalSinceNow: Double(timeoutMilliseconds) / 1000)
            condition.lock()
            defer { condition.unlock() }
            while times.count <= index {
                if !condition.wait(until: limit) { break }
            }
            return times.count > index ? times[index] : nil
        }
    }

    private enum TicketLike {
        static func number(_ i: Int) -> String {
            let s = String(i % 1000)
            return "A" + String(repeating: "0", count: 3 - s.count) + s
        }
    }
}
