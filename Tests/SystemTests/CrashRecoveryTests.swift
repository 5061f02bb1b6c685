import Foundation
import HallCore
import Testing

/// Runs the real daemon, issues tickets from several clients, kills it with SIGKILL mid-load
/// again and again, and proves that every acknowledged ticket survived and no number repeated.
@Suite("Crash recovery", .serialized)
struct CrashRecoveryTests {
    @Test("kill -9 under load loses no acknowledged ticket and repeats no number")
    func killNineUnderLoad() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let daemon = try DaemonProcess(databasePath: folder.appendingPathComponent("hall.sqlite").path)
        var acknowledged: [Ticket] = []
        let services = ["综合窗口", "社保医保", "民政残联", "C"]

        for round in 0..<8 {
            try await daemon.start()
            let url = daemon.baseURL.appendingPathComponent("api/tickets")
            let killAfter = Duration.milliseconds(150 + (round * 37) % 200)
            let roundTickets = await withTaskGroup(of: [Ticket].self) { group in
                for client in 0..<4 {
                    group.addTask {
                        var mine: [Ticket] = []
                        while !Task.isCancelled {
                            guard
                                let answer = try? await HTTP.post(
                                    url, json: #"{"service":"\#(services[client])"}"#,
                                    token: DaemonProcess.kioskToken)
                            else { break }
                            guard answer.status == 201,
                                let issued = try? HallJSON.decoder().decode(IssuedTicket.self, from: answer.body)
                            else { break }
                            mine.append(issued.ticket)
                        }
                        return mine
                    }
                }
                try? await Task.sleep(for: killAfter)
                daemon.kill9()
                var all: [Ticket] = []
                for await tickets in group { all += tickets }
                return all
            }
            acknowledged += roundTickets
        }

        #expect(acknowledged.count > 50, "the load should have produced tickets before each kill")
        let numbers = acknowledged.map { "\($0.day) \($0.number)" }
        #expect(Set(numbers).count == numbers.count, "a ticket number was issued twice")
        #expect(Set(acknowledged.map(\.id)).count == acknowledged.count)

        try await daemon.start()
        for ticket in acknowledged {
            let answer = try await HTTP.get(daemon.baseURL.appendingPathComponent("api/tickets/\(ticket.id)"))
            #expect(answer.status == 200, "acknowledged ticket \(ticket.number) is missing after the crashes")
            if answer.status == 200 {
                let stored = try HallJSON.decoder().decode(TicketStatus.self, from: answer.body)
                #expect(stored.ticket.number == ticket.number && stored.ticket.serviceID == ticket.serviceID)
            }
        }
        let refused = try await HTTP.post(daemon.baseURL.appendingPathComponent("api/tickets"), json: #"{"service":"A"}"#)
        #expect(refused.status == 401, "issuing without the kiosk token is refused")
        #expect(daemon.terminate() == 0, "SIGTERM must stop halld gracefully")
    }
}
