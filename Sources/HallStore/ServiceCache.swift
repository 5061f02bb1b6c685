import Foundation
import HallCore

/// The configured services as the writer last read them, so that a ticket issue finds its
/// service without a statement. Only `HallDatabase.configure` writes the `service` table; it
/// empties the cache inside its own transaction, and only write transactions (which run one at
/// a time on the writer, after any configuration they follow) fill it, so a reader's older
/// snapshot can never be cached.
final class ServiceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var services: [Service]?

    /// The cached services, or those `load` reads (then cached).
    func services(_ load: () throws -> [Service]) rethrows -> [Service] {
        if let cached = lock.withLock({ services }) { return cached }
        let loaded = try load()
        lock.withLock { services = loaded }
        return loaded
    }

    /// Forgets the services: the next write transaction reads them again.
    func clear() {
        lock.withLock { services = nil }
    }
}
