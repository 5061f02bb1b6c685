/// Who works at which window now: the console's window choice (`PostService.check`) seats the
/// staff member there. One person per window and one window per person: taking a window leaves the
/// one taken before, and takes the window from whoever had it. What a window's devices do for a
/// person (its ID card reader) follows the seat.
public struct WindowSeats: Sendable, Equatable {
    private var occupants: [Int: String] = [:]

    public init() {}

    /// Seats `username` at `window`.
    public mutating func seat(_ username: String, at window: Int) {
        occupants = occupants.filter { $0.value != username }
        occupants[window] = username
    }

    /// The window `username` works at, if they took one.
    public func window(of username: String) -> Int? {
        occupants.first { $0.value == username }?.key
    }

    /// Who works at `window`, if anyone took it.
    public func occupant(of window: Int) -> String? { occupants[window] }
}
