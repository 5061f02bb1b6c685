import Synchronization

/// The health of every device of the hall, gathered from the features that drive them, for
/// `/healthz` and `/metrics`.
final class HallHealth: Sendable {
    private let features = Mutex<[any HallFeature]>([])

    /// Reads from `features` from now on.
    func watch(_ features: [any HallFeature]) {
        self.features.withLock { $0 = features }
    }

    /// Every device's health now, sorted by name.
    func snapshot() async -> [DeviceHealth] {
        var all: [DeviceHealth] = []
        for feature in features.withLock({ $0 }) { all += await feature.health() }
        return all.sorted { $0.name < $1.name }
    }
}
