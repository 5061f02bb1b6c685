import Foundation
import HallEmulators
import HallPrinter
import HallTestSupport

enum Fixtures {
    /// The repository's devices/printers directory.
    static var profileDirectory: URL { PackagePaths.url("devices/printers") }

    static func slip(number: String = "A001", service: String = "社保医保") -> TicketSlip {
        TicketSlip(
            centerName: "青山镇便民服务中心", serviceName: service, number: number, peopleAhead: 3,
            estimatedWaitMinutes: 12, issuedAt: "2025-03-14 09:05",
            statusURL: "https://hall.example.cn/t/20250314-\(number)")
    }

    static func ticketJob(_ number: String) -> PrintJob {
        PrintJob(id: "ticket-\(number)", document: .ticket(slip(number: number), TicketLayout()))
    }

    /// Decodes bytes with the emulator's decoder, returning the receipts cut.
    static func decode(_ bytes: [UInt8]) -> (receipts: [PrintedReceipt], rest: PrintedReceipt) {
        var decoder = EscPosDecoder()
        let receipts = decoder.feed(bytes).compactMap { event -> PrintedReceipt? in
            if case .receiptCut(let r) = event { r } else { nil }
        }
        return (receipts, decoder.current)
    }

    static func temporaryDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hall-printer-tests-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Polls `condition` until it holds or `seconds` pass.
    static func eventually(_ seconds: Double = 5, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }
}
