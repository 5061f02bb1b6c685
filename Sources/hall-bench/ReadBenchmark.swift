import Foundation
import HallCore
import HallServer
import HallStore

/// The hall's reads with a long queue: `/api/status` (QueueService.status) and a ticket's status
/// (people ahead, wait) with 50 and with 5,000 tickets waiting. The baseline, measured in the same
/// run, is loading the day's tickets once, which is what both reads did on every call before.
enum ReadBenchmark {
    struct Figures {
        var statusMs: Double
        var ticketStatusMs: Double
        var loadTheDayMs: Double
    }

    static func run(folder: URL, waiting: Int, calls: Int) async throws -> Figures {
        let path = folder.appendingPathComponent("reads-\(waiting).sqlite").path
        let database = try HallDatabase(StoreConfiguration(path: path, synchronous: .normal))
        try database.configure(services: HallConfiguration.demo.services, windows: HallConfiguration.demo.windows)
        let store = SQLiteQueueStore(database)
        let queue = QueueService(store: store, clock: SystemClock(), settings: QueueSettings(), sink: QueueBenchmarks.NullSink())
        let services = HallConfiguration.demo.services.map(\.id)
        var last: IssuedTicket?
        for i in 0..<waiting { last = try await queue.issue(serviceKey: services[i % services.count]) }
        guard let last else { return Figures(statusMs: 0, ticketStatusMs: 0, loadTheDayMs: 0) }
        let day = last.ticket.day
        func perCall(_ body: () async throws -> Void) async rethrows -> Double {
            let start = ContinuousClock.now
            for _ in 0..<calls { try await body() }
            return (ContinuousClock.now - start).seconds * 1000 / Double(calls)
        }
        let status = try await perCall { _ = try await queue.status() }
        let ticket = try await perCall { _ = try await queue.ticketStatus(id: last.ticket.id) }
        let load = try await perCall {
            _ = try await store.read { try $0.tickets(day: day, states: Set(TicketState.allCases)) }
        }
        return Figures(statusMs: status, ticketStatusMs: ticket, loadTheDayMs: load)
    }
}
