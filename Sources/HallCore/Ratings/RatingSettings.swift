/// The rating rules a hall can tune (`ratings` in the configuration).
public struct RatingSettings: Codable, Sendable, Equatable {
    /// Working days the head has to close a bad rating's follow-up (official calendar; the day
    /// the rating came in does not count).
    public var followUpWorkingDays: Int
    /// Hours after the service during which the ticket holder may still rate on the QR page.
    public var ratingValidHours: Double
    /// Minutes the rating pad keeps offering the ticket just finished at its window.
    public var padShowMinutes: Double

    public init(followUpWorkingDays: Int = 3, ratingValidHours: Double = 24, padShowMinutes: Double = 10) {
        self.followUpWorkingDays = followUpWorkingDays
        self.ratingValidHours = ratingValidHours
        self.padShowMinutes = padShowMinutes
    }
}
