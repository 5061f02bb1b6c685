/// Runs a use case in a store's write transaction: the events the work returns are appended to
/// the event log inside that transaction and published only once it is committed. Shared by the
/// services whose stores differ only in their transaction type.
enum EventedWrite {
    static func run<Transaction, T: Sendable>(
        write: (@escaping @Sendable (Transaction) throws -> (T, [HallEvent])) async throws -> (T, [HallEvent]),
        append: @escaping @Sendable (Transaction, HallEvent) throws -> HallEvent,
        sink: any HallEventSink,
        _ work: @escaping @Sendable (Transaction) throws -> (T, [HallEvent])
    ) async throws -> T {
        let (value, events) = try await write { tx in
            let (value, events) = try work(tx)
            return (value, try events.map { try append(tx, $0) })
        }
        sink.publish(events)
        return value
    }
}
