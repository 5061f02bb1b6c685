/// How a booking or a home-visit request reached the center (现场预约 / 电话预约).
public enum BookingChannel: String, Codable, Sendable, CaseIterable {
    /// At the hall, in person.
    case inPerson = "in_person"
    /// By phone (0477-7552004), recorded by a clerk.
    case phone

    public var label: String {
        switch self {
        case .inPerson: "现场预约"
        case .phone: "电话预约"
        }
    }
}
