/// Estimates how long a newly issued ticket will wait.
///
/// minutes ≈ (people ahead + 1 − 1) × average service minutes ÷ open windows serving the service.
/// The average comes from recent real service durations when there are at least three,
/// otherwise from the service's configured typical duration.
public enum WaitEstimator {
    /// Estimated whole minutes of waiting (0 when the resident is next at a free window).
    public static func minutes(
        peopleAhead: Int, recentServiceSeconds: [Double], typicalMinutes: Double,
        openWindows: Int
    ) -> Int {
        let average = averageServiceMinutes(recentServiceSeconds, typicalMinutes: typicalMinutes)
        guard openWindows > 0 else {
            // Nobody is serving: the estimate is the queue's own length at one window.
            return Int((Double(peopleAhead + 1) * average).rounded(.up))
        }
        return Int((Double(peopleAhead) * average / Double(openWindows)).rounded(.up))
    }

    /// Average service minutes from samples, or the typical value when samples are too few.
    public static func averageServiceMinutes(_ seconds: [Double], typicalMinutes: Double) -> Double {
        let valid = seconds.filter { $0 > 0 }
        guard valid.count >= 3 else { return typicalMinutes }
        return valid.reduce(0, +) / Double(valid.count) / 60
    }
}
